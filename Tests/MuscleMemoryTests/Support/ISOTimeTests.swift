import Foundation
import Testing
import TestSupport
@testable import MuscleMemory

/// `--now` times: every accepted form gives the exact instant, everything else a reason.
@Suite struct ISOTimeTests {
    let utc = TimeZone(identifier: "UTC")!
    let newYork = TimeZone(identifier: "America/New_York")!

    func seconds(_ text: String, _ zone: TimeZone? = nil) -> Double? {
        try? ISOTime.parse(text, timeZone: zone ?? utc).get().timeIntervalSince1970
    }

    @Test func acceptedFormsGiveTheExactInstant() {
        let tenOClock = 1_796_119_200.0  // 2026-12-01T10:00:00Z
        #expect(seconds("2026-12-01T10:00:00Z") == tenOClock)
        #expect(seconds("2026-12-01t10:00:00z") == tenOClock)
        #expect(seconds("2026-12-01T10:00Z") == tenOClock)
        #expect(seconds("2026-12-01T11:00:00+01:00") == tenOClock)
        #expect(seconds("2026-12-01T11:00:00+0100") == tenOClock)
        #expect(seconds("2026-12-01T11:00:00+01") == tenOClock)
        #expect(seconds("2026-12-01T05:00:00-05:00") == tenOClock)
        #expect(seconds("2026-12-02T00:00:00+14:00") == tenOClock)
        #expect(seconds("2026-11-30T22:00:00-12:00") == tenOClock)
        #expect(seconds("2026-12-01T10:00:00.250Z") == tenOClock + 0.25)
        #expect(seconds("2026-12-01T10:00:00,5Z") == tenOClock + 0.5)
        #expect(seconds("2026-12-01T10:00:00") == tenOClock)
        #expect(seconds("2026-12-01 10:00") == tenOClock)
        #expect(seconds("2026-12-01") == tenOClock + 2 * 3600)  // noon
        #expect(seconds("2026-12-01T05:00:00", newYork) == tenOClock)
        #expect(seconds(" 2026-12-01T10:00:00Z ") == tenOClock)
        #expect(seconds("2024-02-29T00:00:00Z") == 1_709_164_800)
        #expect(seconds("2000-01-01T00:00:00Z") == 946_684_800)
        #expect(seconds("2999-12-31T23:59:59Z") == 32_503_679_999)
    }

    @Test(arguments: [
        "2026-02-30T10:00:00Z", "2025-02-29", "2026-13-01T10:00:00Z", "2026-00-10", "2026-12-00",
        "2026-12-01T10:00:00+25:00", "2026-12-01T10:00:00+14:01", "2026-12-01T10:00:00+05:60",
        "2026-12-01T24:00:00Z", "2026-12-01T23:60:00Z", "2026-12-01T23:59:60Z",
        "0001-01-01T00:00:00Z", "1582-10-10T00:00:00Z", "1999-12-31T23:59:59Z", "3000-01-01T00:00:00Z", "-2026-12-01",
        "", "now", "2026-12-01T", "2026-12-01T10", "2026-12-01T10:00:00.Z", "2026-12-01T10:00:00.1234567890Z",
        "2026-1-01", "2026-12-01T10:00:00 Z", "+2026-12-01", "２０２６-12-01", "2026-12-01T10:00:00+1:00",
    ])
    func everythingElseIsRefused(_ text: String) {
        #expect(throws: ISOTime.Invalid.self) { try ISOTime.parse(text, timeZone: utc).get() }
    }
}
