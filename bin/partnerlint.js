#!/usr/bin/env node
import { run } from '../out/cli/main.js';

await run();
