// The DealLang extension: highlighting comes from syntaxes/deallang.tmLanguage.json (generated from the
// grammar, scripts/generate-grammar.js); everything else from the language server, `deallang lsp`, started here
// over stdio for .deal and .scenarios files. The command is the setting deallang.server.command ('deallang' on the
// PATH after `dotnet tool install`, or a clone's ./deallang by its full path) with deallang.server.args.
'use strict';
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

async function activate(context) {
  const config = vscode.workspace.getConfiguration('deallang');
  const command = config.get('server.command', 'deallang');
  const args = config.get('server.args', ['lsp']);
  const cwd = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const run = { command, args, transport: TransportKind.stdio, options: cwd ? { cwd } : {} };
  client = new LanguageClient('deallang', 'DealLang language server', { run, debug: run }, {
    documentSelector: [{ language: 'deallang' }],
  });
  context.subscriptions.push(vscode.workspace.onDidChangeConfiguration(async e => {
    if (e.affectsConfiguration('deallang.server')) {
      const choice = await vscode.window.showInformationMessage('Restart the DealLang language server to use the new setting?', 'Restart');
      if (choice === 'Restart' && client) {
        await client.restart();
      }
    }
  }));
  try {
    await client.start();
  } catch (e) {
    vscode.window.showErrorMessage(`DealLang: could not start '${command} ${args.join(' ')}' (set deallang.server.command): ${e.message}`);
  }
}

async function deactivate() {
  if (client) {
    await client.stop();
  }
}

module.exports = { activate, deactivate };
