#!/usr/bin/env node
import { nodeEnvironment } from "./environment.js";
import { runCli } from "./run.js";

const result = runCli(process.argv.slice(2), nodeEnvironment(process.cwd()));
if (result.stdout) process.stdout.write(result.stdout);
if (result.stderr) process.stderr.write(result.stderr);
process.exitCode = result.exitCode;
