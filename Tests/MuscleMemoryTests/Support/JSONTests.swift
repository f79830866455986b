import Testing
@testable import MuscleMemory

/// A value JSON cannot hold makes the encoder fail loudly: the command exits with an error rather
/// than printing `{}` and succeeding.
@Suite struct JSONTests {
    struct Figures: Encodable { var retention: Double }

    @Test func aNumberThatIsNotFiniteIsAnErrorNotAnEmptyObject() {
        #expect(throws: JSON.EncodingFailure.self) { try JSON.encode(Figures(retention: .nan)) }
        #expect(throws: JSON.EncodingFailure.self) { try JSON.encode([Figures(retention: .infinity)], snakeCaseKeys: true) }
        #expect((try? JSON.encode(Figures(retention: 0.5))) == "{\n  \"retention\" : 0.5\n}\n")
    }
}
