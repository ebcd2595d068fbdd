// One gateway and one admin session per test file, started before its tests and stopped after.
import { after, before } from 'node:test';
import { Session } from '../../src/index.js';
import { startGateway } from './gateway.mjs';

/** Registers before/after hooks; the returned object holds `gateway`, `session` and `open()` once started. */
export function gatewayWithSession() {
  const fixture = {
    gateway: undefined,
    session: undefined,
    open: (options = {}) => Session.open({
      url: fixture.gateway.url, principal: 'admin', password: fixture.gateway.adminPassword, ...options,
    }),
  };
  before(async () => {
    fixture.gateway = await startGateway();
    fixture.session = await fixture.open();
  });
  after(async () => {
    await fixture.session?.close();
    await fixture.gateway?.stop();
  });
  return fixture;
}
