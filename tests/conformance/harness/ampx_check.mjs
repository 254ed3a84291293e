#!/usr/bin/env node
// Runs argv lists through the REAL ampx parser (@aws-amplify/backend-cli's
// lib/main_parser_factory.js) without running any command.
//
//   node ampx_check.mjs --ampx-dir DIR            JSON lines on stdin -> JSON lines on stdout
//   node ampx_check.mjs --ampx-dir DIR --version  print the handshake line and exit
//
// DIR is the install prefix made by install_ampx.sh (it holds
// node_modules/@aws-amplify/backend-cli) or the package directory itself;
// default: $AMPX_DIR.
//
// Protocol. The first stdout line is a handshake:
//   {"harness":"ampx_check","package":"@aws-amplify/backend-cli","version":"1.10.0","yargs":"17.7.3","node":"v20..."}
// Then one line per stdin line {"argv": [...words after `ampx`...], "cwd": "optional dir"}:
//   {"ok":true,"command":"sandbox secret","args":{...}}   the parser accepted the words and
//                                                         would run that command's handler
//   {"ok":false,"error":"Unknown argument: bogus"}        the parser rejected them
//   {"ok":false,"error":"...","builtin":"help"|"version","output":"..."}
//                                                         no command would run: yargs printed
//                                                         help/version (the real ampx exits 0)
// A line may also carry "blocked": [...] if something tried to reach the network,
// start a process or exit; that means code beyond the parser ran and is a harness bug.
//
// How the parser is reached without running anything:
//  * every command handler (top level, nested, module or positional form) is
//    replaced by a recorder, by wrapping YargsInstance.prototype.command; builders
//    are wrapped so commands registered inside them get their full path;
//  * the `ensureAwsCredentialAndRegion` middleware is replaced by a no-op (it checks
//    the machine's AWS credentials, not the arguments); every other middleware,
//    including all .check()s, runs as in the real CLI;
//  * sockets, http(s), http2, tls, dgram, fetch and child_process are stubbed to throw;
//    process.exit throws; stdout/stderr are captured so only our JSON lines reach stdout.

import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import readline from 'node:readline';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { pathToFileURL } from 'node:url';

const PKG = '@aws-amplify/backend-cli';
const CREDENTIAL_MIDDLEWARE = 'ensureAwsCredentialAndRegion';

// ---------------------------------------------------------------- output
const realStdoutWrite = process.stdout.write.bind(process.stdout);
const realStderrWrite = process.stderr.write.bind(process.stderr);
const realExit = process.exit.bind(process);
let captured = [];
const capture = (chunk, encoding, cb) => {
  captured.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString());
  if (typeof encoding === 'function') encoding();
  else if (typeof cb === 'function') cb();
  return true;
};
process.stdout.write = capture;
process.stderr.write = capture;
const emit = (obj) => realStdoutWrite(JSON.stringify(obj) + '\n');
const die = (msg) => {
  realStderrWrite(`ampx_check: ${msg}\n`);
  process.exitCode = 2;
};

// ---------------------------------------------------------------- sandboxing
let blocked = [];
const blocker = (what) =>
  function blockedByAmpxCheck() {
    blocked.push(what);
    throw new Error(`ampx_check: ${what} is blocked (parse-only harness)`);
  };

const require = createRequire(import.meta.url);
{
  const net = require('node:net');
  const tls = require('node:tls');
  const http = require('node:http');
  const https = require('node:https');
  const http2 = require('node:http2');
  const dgram = require('node:dgram');
  const childProcess = require('node:child_process');
  net.connect = blocker('net.connect');
  net.createConnection = blocker('net.createConnection');
  net.Socket.prototype.connect = blocker('net.Socket.connect');
  tls.connect = blocker('tls.connect');
  for (const [name, mod] of [['http', http], ['https', https]]) {
    mod.request = blocker(`${name}.request`);
    mod.get = blocker(`${name}.get`);
  }
  http2.connect = blocker('http2.connect');
  dgram.createSocket = blocker('dgram.createSocket');
  for (const fn of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) {
    childProcess[fn] = blocker(`child_process.${fn}`);
  }
  syncBuiltinESMExports(); // make `import { spawn } from 'child_process'` see the stubs too
  globalThis.fetch = async (...args) => blocker('fetch')(...args);
  process.exit = blocker('process.exit');
}

// `npx ampx` runs with npm's user agent in the environment, and
// @aws-amplify/cli-core reads it when its modules load (to print `npx ampx ...`
// hints); without it the import throws NoPackageManagerError. Pretend to be npx.
process.env.npm_config_user_agent ??= `npm/10.0.0 node/${process.version} ${process.platform} ${process.arch} workspaces/false`;

// ---------------------------------------------------------------- locate the package
function parseCli(argv) {
  const opts = { ampxDir: process.env.AMPX_DIR || '', versionOnly: false, selfTest: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--version') opts.versionOnly = true;
    else if (a === '--self-test') opts.selfTest = true;
    else if (a === '--ampx-dir') opts.ampxDir = argv[++i] ?? '';
    else if (a.startsWith('--ampx-dir=')) opts.ampxDir = a.slice('--ampx-dir='.length);
    else throw new Error(`unknown argument ${a}`);
  }
  if (!opts.ampxDir) throw new Error('pass --ampx-dir DIR (or set AMPX_DIR)');
  return opts;
}

function packageDir(dir) {
  const abs = path.resolve(dir);
  for (const candidate of [path.join(abs, 'node_modules', ...PKG.split('/')), abs]) {
    const pj = path.join(candidate, 'package.json');
    if (fs.existsSync(pj) && JSON.parse(fs.readFileSync(pj, 'utf8')).name === PKG) return candidate;
  }
  throw new Error(`${PKG} is not installed under ${abs}`);
}

// ---------------------------------------------------------------- recording
// Per-parse state. The harness handles one argv at a time, so module-level
// state is safe; it is reset before every parse.
let parentPath = []; // command path whose builder is running right now
let recorded = null; // {path, argv} of the handler yargs decided to run

const commandName = (spec) => {
  const first = Array.isArray(spec) ? spec[0] : spec;
  return String(first).trim().split(/\s+/)[0];
};

function wrapBuilder(builder, owner, myPath) {
  if (typeof builder !== 'function') return builder; // object builders register no commands
  return function wrappedBuilder(...args) {
    const saved = parentPath;
    parentPath = myPath;
    try {
      return builder.apply(owner, args);
    } finally {
      parentPath = saved;
    }
  };
}

const recorderFor = (myPath) =>
  function recordHandler(argv) {
    recorded = { path: myPath.join(' '), argv };
  };

function wrapModule(mod) {
  const spec = mod.command ?? mod.aliases;
  const myPath = [...parentPath, commandName(spec)];
  const wrapped = Object.create(mod); // keeps command/describe/aliases/... via the prototype chain
  Object.defineProperty(wrapped, 'builder', { value: wrapBuilder(mod.builder, mod, myPath), enumerable: true });
  Object.defineProperty(wrapped, 'handler', { value: recorderFor(myPath), enumerable: true });
  return wrapped;
}

const isStringArray = (x) => Array.isArray(x) && x.every((e) => typeof e === 'string');

function patchYargs(proto) {
  if (proto.__ampxCheckPatched) return;
  const origCommand = proto.command;
  const origMiddleware = proto.middleware;
  if (typeof origCommand !== 'function' || typeof origMiddleware !== 'function') {
    throw new Error('unexpected yargs instance: no command()/middleware() on its prototype');
  }
  proto.command = function command(cmd, ...rest) {
    if (Array.isArray(cmd) && !isStringArray(cmd)) {
      // .command([module, module, ...]): each goes through the patched form.
      for (const one of cmd) this.command(one);
      return this;
    }
    if (cmd && typeof cmd === 'object' && !Array.isArray(cmd)) {
      return origCommand.call(this, wrapModule(cmd));
    }
    // positional form: command(cmd, description, builder, handler, middlewares, deprecated)
    const args = [cmd, ...rest];
    const myPath = [...parentPath, commandName(cmd)];
    while (args.length < 4) args.push(args.length === 1 ? '' : args.length === 2 ? {} : undefined);
    if (args[2] && typeof args[2] === 'object' && ('builder' in args[2] || 'handler' in args[2])) {
      const def = args[2];
      const wrapped = Object.create(def);
      Object.defineProperty(wrapped, 'builder', { value: wrapBuilder(def.builder, def, myPath), enumerable: true });
      Object.defineProperty(wrapped, 'handler', { value: recorderFor(myPath), enumerable: true });
      args[2] = wrapped;
    } else {
      args[2] = wrapBuilder(args[2], undefined, myPath);
    }
    args[3] = recorderFor(myPath);
    return origCommand.apply(this, args);
  };
  proto.middleware = function middleware(callback, ...rest) {
    const neutral = (fn) => {
      if (typeof fn === 'function' && fn.name === CREDENTIAL_MIDDLEWARE) {
        return function ensureAwsCredentialAndRegionNeutralised() {};
      }
      return fn;
    };
    const cb = Array.isArray(callback) ? callback.map(neutral) : neutral(callback);
    return origMiddleware.call(this, cb, ...rest);
  };
  Object.defineProperty(proto, '__ampxCheckPatched', { value: true });
}

// ---------------------------------------------------------------- checking
const noticesRenderer = {
  // Used only by sandbox's event handlers (after a deployment), never by the parser.
  tryFindAndPrintApplicableNotices: async () => {},
};

function describeError(err) {
  if (err && typeof err === 'object') {
    const name = err.name && err.name !== 'Error' && err.name !== 'YError' ? err.name : '';
    const msg = err.message ?? String(err);
    return name ? `[${name}] ${msg}` : msg;
  }
  return String(err);
}

function cleanArgs(argv) {
  const out = {};
  for (const [k, v] of Object.entries(argv ?? {})) {
    if (k === '$0') continue;
    out[k] = v;
  }
  return out;
}

async function checkOne(createMainParser, version, request) {
  const argv = request.argv;
  if (!Array.isArray(argv) || !argv.every((w) => typeof w === 'string')) {
    return { ok: false, error: 'harness: "argv" must be a list of strings' };
  }
  const home = process.cwd();
  if (request.cwd) {
    try {
      process.chdir(request.cwd);
    } catch (e) {
      return { ok: false, error: `harness: cannot use cwd ${request.cwd}: ${e.message}` };
    }
  }
  parentPath = [];
  recorded = null;
  blocked = [];
  captured = [];
  let output = '';
  let result;
  try {
    const parser = createMainParser(version, noticesRenderer)
      .exitProcess(false)
      .fail((msg, err) => {
        throw err ?? new Error(msg);
      });
    await parser.parseAsync(argv, (_err, _argv, out) => {
      output = out ?? '';
    });
    if (recorded) {
      result = { ok: true, command: recorded.path, args: cleanArgs(recorded.argv) };
    } else {
      const text = String(output || captured.join('')).trim();
      const builtin = text === version ? 'version' : 'help';
      result = {
        ok: false,
        error: `no command would run: the parser printed its ${builtin} and would exit 0`,
        builtin,
        output: text,
      };
    }
  } catch (err) {
    result = { ok: false, error: describeError(err) };
  } finally {
    process.chdir(home);
  }
  if (blocked.length) result.blocked = [...blocked];
  return result;
}

// Tries every escape hatch the stubs should close, through both the CommonJS
// objects and fresh ESM imports; each must throw/reject. Targets are harmless
// (loopback discard port, `true`) in case a stub leaks.
async function selfTest() {
  const probes = {
    fetch: () => fetch('http://127.0.0.1:9/'),
    'net.connect': () => require('node:net').connect(9, '127.0.0.1'),
    'net.Socket.connect': () => new (require('node:net').Socket)().connect(9, '127.0.0.1'),
    'http.get': () => require('node:http').get('http://127.0.0.1:9/'),
    'https.request': () => require('node:https').request('https://127.0.0.1:9/'),
    'tls.connect': () => require('node:tls').connect(9, '127.0.0.1'),
    'esm http.request': async () => (await import('node:http')).request('http://127.0.0.1:9/'),
    'child_process.spawn': () => require('node:child_process').spawn('true'),
    'child_process.execSync': () => require('node:child_process').execSync('true'),
    'esm child_process.spawn': async () => (await import('node:child_process')).spawn('true'),
    'esm child_process.execFile': async () => (await import('child_process')).execFile('true'),
    'child_process.fork': () => require('node:child_process').fork('/dev/null'),
    'process.exit': () => process.exit(3),
  };
  const report = {};
  for (const [name, probe] of Object.entries(probes)) {
    try {
      const r = await probe();
      report[name] = 'LEAKED';
      if (r && typeof r.destroy === 'function') r.destroy();
      if (r && typeof r.kill === 'function') r.kill();
    } catch {
      report[name] = 'blocked';
    }
  }
  return report;
}

// ---------------------------------------------------------------- main
async function main() {
  let opts;
  try {
    opts = parseCli(process.argv.slice(2));
  } catch (e) {
    return die(e.message);
  }
  let pkgDir;
  try {
    pkgDir = packageDir(opts.ampxDir);
  } catch (e) {
    return die(e.message);
  }
  const pkgJson = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
  const version = pkgJson.version;
  let yargsVersion = null;
  try {
    const pkgRequire = createRequire(path.join(pkgDir, 'package.json'));
    yargsVersion = pkgRequire('yargs/package.json').version;
  } catch {
    /* reported as null */
  }
  const handshake = { harness: 'ampx_check', package: PKG, version, yargs: yargsVersion, node: process.version };
  if (opts.versionOnly) {
    emit(handshake);
    return;
  }

  // yargs' scriptName() comes from process.argv[1]; make it say `ampx`.
  process.argv[1] = path.join(path.dirname(process.argv[1] ?? '.'), 'ampx');

  const factoryPath = path.join(pkgDir, 'lib', 'main_parser_factory.js');
  let createMainParser;
  try {
    ({ createMainParser } = await import(pathToFileURL(factoryPath).href));
    if (typeof createMainParser !== 'function') throw new Error(`${factoryPath} has no createMainParser`);
    // A throw-away parser hands us the very YargsInstance class the package uses
    // (same ESM module instance), so patching its prototype reaches every
    // command registration, including the top-level ones of later parsers.
    patchYargs(Object.getPrototypeOf(createMainParser(version, noticesRenderer)));
  } catch (e) {
    return die(`cannot load ${factoryPath}: ${e.stack ?? e}`);
  }
  emit(handshake);
  if (opts.selfTest) {
    emit({ self_test: await selfTest() });
    return;
  }

  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    if (!line.trim()) continue;
    let request;
    try {
      request = JSON.parse(line);
    } catch (e) {
      emit({ ok: false, error: `harness: bad JSON input: ${e.message}` });
      continue;
    }
    emit(await checkOne(createMainParser, version, request ?? {}));
  }
}

await main();
// Some SDK objects may keep the event loop alive; stdout is a pipe or file
// (synchronous writes on Linux), so leaving now loses nothing.
realStdoutWrite('', () => realExit(process.exitCode ?? 0));
