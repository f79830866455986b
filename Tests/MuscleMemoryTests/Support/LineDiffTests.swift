import Testing
import TestSupport

/// The diff a failed whole-text comparison prints: unified, two lines of context, invisible
/// differences made visible.
@Suite struct LineDiffTests {
    @Test func aChangedLineIsShownWithItsContext() {
        let expected = "one\ntwo\nthree\nfour\nfive\nsix\nseven\n"
        let actual = "one\ntwo\nthree\nFOUR\nfive\nsix\nseven\n"
        #expect(LineDiff.unified(expected: expected, actual: actual) == """
            --- expected
            +++ actual
            @@ -2,5 +2,5 @@
             two
             three
            -four
            +FOUR
             five
             six

            """)
    }

    @Test func distantChangesAreSeparateHunksAndAddedLinesArePlus() {
        let expected = (1...12).map(String.init).joined(separator: "\n") + "\n"
        let actual = ["1", "2", "new", "3", "4", "5", "6", "7", "8", "9", "10", "12"].joined(separator: "\n") + "\n"
        #expect(LineDiff.unified(expected: expected, actual: actual) == """
            --- expected
            +++ actual
            @@ -1,4 +1,5 @@
             1
             2
            +new
             3
             4
            @@ -9,4 +10,3 @@
             9
             10
            -11
             12

            """)
    }

    @Test func trailingSpacesTabsAndTheLastLineBreakAreVisible() {
        let diff = LineDiff.unified(expected: "a \tb\n", actual: "a\tb")
        #expect(diff.contains("-a ␉b⏎") == false)
        #expect(diff.contains("-a ␉b\n+a␉b\n"))
        #expect(diff.hasSuffix("(the expected text ends with a line break, the other does not)\n"))
    }
}
