// Preloaded with `node --require` by Tributary.TestSupport for servers that do not use stdio: the
// fixture holds the other end of stdin, so end-of-input means the test process is gone (even if it
// crashed before disposing the fixture), and the server must not outlive it holding a port.
"use strict";
process.stdin.on("end", () => process.exit(0));
process.stdin.on("error", () => process.exit(0));
process.stdin.resume();
