#!/usr/bin/env node
// Written by scripts/build.mjs: runs the CLI's launcher, dist/cli.cjs (the package's bin), for `node dist/cli.js …`.
import "./cli.cjs";
