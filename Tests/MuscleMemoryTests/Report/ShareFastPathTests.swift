import Foundation
import Testing
@testable import MuscleMemory

/// The share reader's fast path (`ShareFile`) against its checked path: the same share from every
/// file the fast path takes, and a file it is unsure of left to the checked path (which names the
/// reason), so the speed-up of issue 19 changes no answer.
@Suite struct ShareFastPathTests {
    static func bytes(_ share: Share) throws -> [UInt8] { Array(try share.json().utf8) }

    static func checked(_ bytes: [UInt8]) -> Result<Share, ShareProblem> { ShareReader.checkedRead(Data(bytes)) }

    @Test func theFastPathReadsWhatTheCheckedPathReads() throws {
        for input in ClassReportTests.classShares() {
            let bytes = try Self.bytes(input.share)
            let fast = try #require(ShareFile.share(bytes))
            #expect(fast == input.share)
            #expect(try Self.checked(bytes).get() == fast)
        }
    }

    @Test func escapesAndNonASCIIAreDecodedAsTheDecoderDecodesThem() throws {
        var share = ClassReportTests.classShares()[0].share
        share.label = "Kim \"K\" é 😀 \\ / tab\there"
        share.topics[0].name = "Piriformis · trigger points"
        share.topics[0].weakness = 37.5
        let bytes = try Self.bytes(share)
        #expect(ShareFile.share(bytes) == share)
        // Written by hand with \u escapes (a surrogate pair too) and an escaped slash.
        let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\"day\" : \"2026", with: "\"day\" : \"\\u0032026")
            .replacingOccurrences(of: "😀", with: "\\ud83d\\ude00").replacingOccurrences(of: " / ", with: " \\/ ")
        let escaped = Array(text.utf8)
        #expect(text.contains("\\u0032026"))
        #expect(ShareFile.share(escaped) == share)
        #expect(try Self.checked(escaped).get() == share)
    }

    @Test func unknownFieldsAreSkippedAsTheDecoderSkipsThem() throws {
        let share = ClassReportTests.classShares()[0].share
        let text = try share.json().replacingOccurrences(of: "\"kind\" :", with: "\"later\" : {\"a\": [1, 2.5e3, -0.5, true, false, null, \"x\"]}, \"kind\" :")
        #expect(ShareFile.share(Array(text.utf8)) == share)
        #expect(try Self.checked(Array(text.utf8)).get() == share)
    }

    /// Files the fast path gives up on; `read` then answers exactly as the checked path does.
    @Test(arguments: [
        ("\"schema\" : 1", "\"schema\" : 2"), ("\"schema\" : 1", "\"schema\" : 1.0"), ("\"schema\" : 1", "\"schema\" : \"1\""),
        ("\"window_days\"", "\"windowDays\""), ("\"kind\" : \"muscle-share\"", "\"kind\" : \"anki\""),
        ("\"reviews\" : 10", "\"reviews\" : 1e1"), ("\"reviews\" : 10", "\"reviews\" : 010"), ("\"reviews\" : 10", "\"reviews\" : 99999999999999999999"),
        ("\"level\" : \"muscle\"", "\"level\" : \"organ\""), ("\"day\" : \"2026-12-01\"", "\"day\" : null"), ("\"cards\" : [", "\"cards\" : {"),
        ("\"day\" : \"2026-12-01\"", "\"day\" : \"2026-12-01\u{01}\""), ("\"weakness\"", "\"weakness\" : 1e999, \"w\""),
    ])
    func aFileTheFastPathIsUnsureOfGoesToTheCheckedPath(change: (String, String)) throws {
        var share = ClassReportTests.classShares()[1].share
        share.topics[0].weakness = 12
        let original = try share.json()
        #expect(original.contains(change.0))
        let text = original.replacingOccurrences(of: change.0, with: change.1)
        #expect(ShareFile.share(Array(text.utf8)) == nil)
        #expect(ShareReader.read(Array(text.utf8)) == Self.checked(Array(text.utf8)))
    }

    @Test func brokenFilesAnswerAsTheCheckedPathAnswers() throws {
        let whole = try Self.bytes(ClassReportTests.classShares()[0].share)
        // Cut anywhere up to (not including) the closing brace.
        let close = try #require(whole.lastIndex(of: UInt8(ascii: "}")))
        for cut in [0, 1, 10, whole.count / 2, close] {
            let bytes = Array(whole.prefix(cut))
            #expect(ShareFile.share(bytes) == nil)
            #expect(ShareReader.read(bytes) == Self.checked(bytes))
        }
        // Text after the object, a byte before it, and a byte that is not UTF-8 inside a string.
        let notUTF8 = Array(String(decoding: whole, as: UTF8.self).replacingOccurrences(of: "muscle-share", with: "muscle~share").utf8).map { $0 == UInt8(ascii: "~") ? 0xFF : $0 }
        for bytes in [whole + Array("x".utf8), [0xFF] + whole, notUTF8] {
            #expect(ShareFile.share(bytes) == nil)
            #expect(ShareReader.read(bytes) == Self.checked(bytes))
        }
    }
}
