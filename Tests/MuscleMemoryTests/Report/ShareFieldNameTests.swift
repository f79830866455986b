import Testing
@testable import MuscleMemory

/// The share reader's packed field names (`FieldName`), written out as numbers, against the names
/// they stand for; and keys the reader packs from bytes against keys it reads as strings first.
@Suite struct ShareFieldNameTests {
    @Test func everyConstantIsItsName() {
        for (name, constant) in FieldName.names {
            #expect(FieldName(name) == constant, "\(name)")
        }
        for (level, constant) in FieldName.levels {
            #expect(FieldName(level.rawValue) == constant, "\(level)")
        }
        #expect(Set(FieldName.levels.map(\.0.rawValue)) == Set(TopicLevel.allCases.map(\.rawValue)))
    }

    @Test func namesDifferExactlyWhenTheirBytesDo() {
        #expect(FieldName("cards") != FieldName("card"))
        #expect(FieldName("a") != FieldName("a\u{0}"))
        #expect(FieldName("window_reviews") != FieldName("window_reviewz"))
        #expect(FieldName("sixteen_bytes_ok") == FieldName("sixteen_bytes_ok"))
        #expect(FieldName("seventeen_bytes_x") == FieldName.long)
    }

    @Test func anEscapedKeyNamesTheSameField() throws {
        let share = ClassReportTests.classShares()[0].share
        let text = try share.json().replacingOccurrences(of: "\"window_days\" :", with: "\"window\\u005fdays\" :")
            .replacingOccurrences(of: "\"level\" : \"muscle\"", with: "\"level\" : \"m\\u0075scle\"")
        #expect(text.contains("window\\u005fdays"))
        #expect(ShareFile.share(Array(text.utf8)) == share)
    }
}
