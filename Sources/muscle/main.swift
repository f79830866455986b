import MuscleMemory
print(Bundled.deckFiles.count, Bundled.schemaFiles.count)
