// extension.js with VS Code and the language client stood in for (node --test; scripts/editors/test.sh): the server
// is started as the settings say, over stdio, for the deallang language, and a command that cannot start is
// reported rather than thrown. The real vscode-languageclient/node is loaded once to check the names used exist.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const Module = require('node:module');
const path = require('node:path');

function load(settings, clientBehaviour) {
  const messages = [];
  const started = [];
  const vscode = {
    workspace: {
      getConfiguration: section => ({ get: (key, fallback) => (settings[`${section}.${key}`] ?? fallback) }),
      workspaceFolders: [{ uri: { fsPath: '/work/deals' } }],
      onDidChangeConfiguration: () => ({ dispose() {} }),
    },
    window: {
      showErrorMessage: m => messages.push(m),
      showInformationMessage: async () => undefined,
    },
  };
  class LanguageClient {
    constructor(id, name, serverOptions, clientOptions) {
      Object.assign(this, { id, name, serverOptions, clientOptions });
    }
    async start() {
      started.push(this);
      if (clientBehaviour === 'fails') throw new Error('spawn nowhere ENOENT');
    }
    async stop() {}
  }
  const stubs = { vscode, 'vscode-languageclient/node': { LanguageClient, TransportKind: { stdio: 0, ipc: 1 } } };
  const original = Module._load;
  Module._load = function (request, parent, isMain) {
    return Object.prototype.hasOwnProperty.call(stubs, request) ? stubs[request] : original.call(this, request, parent, isMain);
  };
  const file = path.resolve(__dirname, '..', 'extension.js');
  delete require.cache[file];
  try {
    return { extension: require(file), messages, started };
  } finally {
    Module._load = original;
  }
}

test('starts deallang lsp over stdio for the deallang language, with the default settings', async () => {
  const { extension, started, messages } = load({});
  await extension.activate({ subscriptions: [] });
  assert.strictEqual(started.length, 1);
  const client = started[0];
  assert.deepStrictEqual(client.serverOptions.run, { command: 'deallang', args: ['lsp'], transport: 0, options: { cwd: '/work/deals' } });
  assert.deepStrictEqual(client.clientOptions.documentSelector, [{ language: 'deallang' }]);
  assert.deepStrictEqual(messages, []);
});

test('takes the command and its arguments from the settings', async () => {
  const { extension, started } = load({ 'deallang.server.command': '/home/me/deallang/deallang', 'deallang.server.args': ['lsp', '--stdio'] });
  await extension.activate({ subscriptions: [] });
  assert.strictEqual(started[0].serverOptions.run.command, '/home/me/deallang/deallang');
  assert.deepStrictEqual(started[0].serverOptions.run.args, ['lsp', '--stdio']);
});

test('a command that cannot start is reported, naming the setting', async () => {
  const { extension, messages } = load({ 'deallang.server.command': 'nowhere' }, 'fails');
  await extension.activate({ subscriptions: [] });
  assert.strictEqual(messages.length, 1);
  assert.match(messages[0], /could not start 'nowhere lsp' \(set deallang.server.command\)/);
});

test('the language client package has what extension.js uses', () => {
  const original = Module._load;
  Module._load = function (request, parent, isMain) {
    return request === 'vscode' ? new Proxy({}, { get: () => function () {} }) : original.call(this, request, parent, isMain);
  };
  try {
    const client = require('vscode-languageclient/node');
    assert.strictEqual(typeof client.LanguageClient, 'function');
    assert.strictEqual(client.TransportKind.stdio, 0);
  } finally {
    Module._load = original;
  }
});

test('package.json contributes the language for .deal and .scenarios, its grammar and configuration', () => {
  const manifest = require('../package.json');
  const language = manifest.contributes.languages.find(l => l.id === 'deallang');
  assert.deepStrictEqual(language.extensions, ['.deal', '.scenarios']);
  assert.strictEqual(manifest.contributes.grammars[0].path, './syntaxes/deallang.tmLanguage.json');
  const configuration = require(path.resolve(__dirname, '..', language.configuration));
  assert.strictEqual(configuration.comments.lineComment, '//');
  assert.deepStrictEqual(configuration.comments.blockComment, ['/*', '*/']);
  assert.strictEqual(manifest.contributes.configurationDefaults['[deallang]']['editor.formatOnSave'], true);
});
