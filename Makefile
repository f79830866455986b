# Builds and installs `muscle`: `make install` (PREFIX defaults to ~/.local), `make uninstall`.
# `make man` regenerates Docs/muscle.1 from the command definitions (a test checks it is current).
#
#   PREFIX/bin/muscle                                   the program
#   PREFIX/share/man/man1/muscle.1                      its man page (`man muscle`)
#   PREFIX/share/bash-completion/completions/muscle     bash completion
#   PREFIX/share/zsh/site-functions/_muscle             zsh completion
#   PREFIX/share/fish/vendor_completions.d/muscle.fish  fish completion
#
# CONFIGURATION=debug installs the debug build (what `swift build` and `swift test` made) instead
# of building a release one.

PREFIX ?= $(HOME)/.local
CONFIGURATION ?= release
SWIFT ?= swift

BIN_PATH = $(shell $(SWIFT) build -c $(CONFIGURATION) --show-bin-path)

.PHONY: build install uninstall man

build:
	$(SWIFT) build -c $(CONFIGURATION) --product muscle

install: build
	install -d "$(PREFIX)/bin" "$(PREFIX)/share/man/man1" "$(PREFIX)/share/bash-completion/completions" \
		"$(PREFIX)/share/zsh/site-functions" "$(PREFIX)/share/fish/vendor_completions.d"
	install -m 755 "$(BIN_PATH)/muscle" "$(PREFIX)/bin/muscle"
	install -m 644 Docs/muscle.1 "$(PREFIX)/share/man/man1/muscle.1"
	"$(BIN_PATH)/muscle" --generate-completion-script bash > "$(PREFIX)/share/bash-completion/completions/muscle"
	"$(BIN_PATH)/muscle" --generate-completion-script zsh > "$(PREFIX)/share/zsh/site-functions/_muscle"
	"$(BIN_PATH)/muscle" --generate-completion-script fish > "$(PREFIX)/share/fish/vendor_completions.d/muscle.fish"
	@echo "installed $(PREFIX)/bin/muscle; make sure $(PREFIX)/bin is on your PATH"

uninstall:
	rm -f "$(PREFIX)/bin/muscle" "$(PREFIX)/share/man/man1/muscle.1" "$(PREFIX)/share/bash-completion/completions/muscle" \
		"$(PREFIX)/share/zsh/site-functions/_muscle" "$(PREFIX)/share/fish/vendor_completions.d/muscle.fish"

man:
	$(SWIFT) build --product muscle
	$(SWIFT) build --product muscle-manual
	"$$($(SWIFT) build --show-bin-path)/muscle-manual" "$$($(SWIFT) build --show-bin-path)/muscle" > Docs/muscle.1
