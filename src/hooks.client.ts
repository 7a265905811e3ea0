import { z } from 'zod';

// zod compiles fast parsers with Function() when the page allows it, and probes for that by calling
// Function(''). The Content-Security-Policy forbids eval (as it should), so the probe is reported as
// a violation on every page that validates data. Parsing without the compiled fast path is what the
// policy leaves anyway; saying so up front keeps the console and the violation report clean.
z.config({ jitless: true });
