import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import * as client from '@topiary/client';

// The declarations are hand-written (no TypeScript compiler here): this test keeps them in
// step with the module by reading src/index.d.ts as text.
const declarations = await readFile(new URL('../src/index.d.ts', import.meta.url), 'utf8');
const packageJson = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));

function declaredValues() {
  return [...declarations.matchAll(/^export declare (?:const|class|function) (\w+)/gm)].map((m) => m[1]).sort();
}

function declaredMembers(constant) {
  const body = new RegExp(`export declare const ${constant}: Readonly<\\{([^}]*)\\}>`).exec(declarations);
  assert.ok(body, `${constant} is declared as Readonly<{ … }>`);
  return [...body[1].matchAll(/(\w+): '(\w+)'/g)].map((m) => [m[1], m[2]]);
}

test('the package resolves to src/index.js and declares src/index.d.ts', () => {
  assert.equal(packageJson.name, '@topiary/client');
  assert.equal(packageJson.exports['.'].default, './src/index.js');
  assert.equal(packageJson.exports['.'].types, './src/index.d.ts');
  assert.equal(packageJson.types, './src/index.d.ts');
});

test('every exported name is declared, and every declared value is exported', () => {
  assert.deepEqual(Object.keys(client).sort(), declaredValues());
  for (const name of ['Session', 'Topics', 'TopiaryError']) {
    assert.equal(typeof client[name], 'function', name);
  }
});

test('the declared constants list the same members as the module', () => {
  assert.deepEqual(declaredMembers('TopicType'), Object.entries(client.TopicType));
  assert.deepEqual(declaredMembers('SessionState'), Object.entries(client.SessionState));
  const codeNames = /export type ErrorCodeName =([^;]*);/.exec(declarations)[1].match(/'(\w+)'/g).map((n) => n.slice(1, -1));
  assert.deepEqual(codeNames, Object.keys(client.ErrorCode));
  assert.ok(Object.isFrozen(client.ErrorCode) && Object.isFrozen(client.TopicType) && Object.isFrozen(client.SessionState));
});

test('the declared methods of Session, Topics and TopiaryError exist', () => {
  const methods = (className) => {
    const body = new RegExp(`export declare class ${className}[^{]*\\{([\\s\\S]*?)\\n\\}`).exec(declarations)[1];
    return [...new Set([...body.matchAll(/^ {2}(static )?(\w+)(?:<[^>]*>)?\(/gm)].map((m) => `${m[1] ?? ''}${m[2]}`))]
      .filter((name) => name !== 'constructor');
  };
  const check = (className, target) => {
    for (const name of methods(className)) {
      const owner = name.startsWith('static ') ? target : target.prototype;
      assert.equal(typeof owner[name.replace('static ', '')], 'function', `${className}.${name}`);
    }
  };
  check('Session', client.Session);
  check('Topics', client.Topics);
  check('TopiaryError', client.TopiaryError);
  assert.deepEqual(methods('Topics').sort(),
    Object.getOwnPropertyNames(client.Topics.prototype).filter((n) => n !== 'constructor').sort());
});
