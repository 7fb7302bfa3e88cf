// The CLI reads FORCE_COLOR, NO_COLOR and COLUMNS (src/cli/terminal.ts); a developer's shell or a CI
// runner may set them. Tests that want them set them on purpose, so each test process starts without.
delete process.env.FORCE_COLOR;
delete process.env.NO_COLOR;
delete process.env.COLUMNS;
