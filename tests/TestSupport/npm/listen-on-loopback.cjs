// Preloaded with `node --require` by Tributary.TestSupport: the npm MCP servers call
// `app.listen(PORT)`, which binds every interface and takes no host setting. Tests must stay
// on loopback, so a listen call that names only a port is given host 127.0.0.1.
"use strict";
const net = require("node:net");

const listen = net.Server.prototype.listen;
const isPort = (value) =>
  typeof value === "number" || (typeof value === "string" && /^\d+$/.test(value));

net.Server.prototype.listen = function listenOnLoopback(...args) {
  if (isPort(args[0]) && (args.length === 1 || typeof args[1] === "function")) {
    args.splice(1, 0, "127.0.0.1");
  } else if (args[0] !== null && typeof args[0] === "object" && isPort(args[0].port) && args[0].host === undefined) {
    args[0] = { ...args[0], host: "127.0.0.1" };
  }
  return listen.apply(this, args);
};
