#!/usr/bin/env node
// The RESP server, from the built package (npm run build writes dist/).
import '../dist/server/main.js';
