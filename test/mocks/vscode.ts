// A minimal stand-in for the `vscode` module, for unit tests of the extension's adapters.
export {};
