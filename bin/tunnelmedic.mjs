#!/usr/bin/env node
// The CLI's entry before it became CommonJS (package.json "bin" is bin/tunnelmedic.cjs); kept for
// scripts and tests that call this path.
import './tunnelmedic.cjs';
