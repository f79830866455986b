// What every test target shares: temporary folders, the repository's files, seeds for random
// tests, whole-text comparisons that print a line diff, and golden files.
@_exported import SeededRandom
