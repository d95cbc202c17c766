// manifest.yml must be a complete Slack app manifest: valid against Slack's schema and wired to the
// endpoints and scopes the app relies on.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { BOT_SCOPES } from '../../src/slack/oauth.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const schemaPath = path.join(root, 'vendor/slack-manifest-schema/manifest.schema.1.0.0.json');
const manifest = parse(readFileSync(path.join(root, 'manifest.yml'), 'utf8'));

describe('manifest.yml', () => {
  it("validates against Slack's manifest schema", () => {
    const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
    delete schema.$schema;
    const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
    const valid = ajv.validate(schema, manifest);
    expect(ajv.errors ?? [], JSON.stringify(ajv.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('declares the slash command, scopes, interactivity, options URL, App Home and the Socket Mode switch', () => {
    const command = manifest.features.slash_commands[0];
    expect(command.command).toBe('/econnect');
    expect(command.url).toMatch(/\/slack\/events$/);
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['commands', 'chat:write', 'im:write', 'users:read', 'users:read.email']));
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.interactivity.request_url).toMatch(/\/slack\/events$/);
    expect(manifest.settings.interactivity.message_menu_options_url).toMatch(/\/slack\/events$/);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(false);
  });

  it('sends installing administrators back to /slack/oauth_redirect, asks for the scopes the app installs with, and hears about uninstalls', () => {
    expect(manifest.oauth_config.redirect_urls).toEqual([expect.stringMatching(/^https:\/\/.+\/slack\/oauth_redirect$/)]);
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...BOT_SCOPES].sort());
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(expect.arrayContaining(['app_uninstalled', 'tokens_revoked']));
  });

  it('asks for files:read (the CSV of "Invite many") and for no scope beyond what the app uses', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(['chat:write', 'chat:write.public', 'commands', 'files:read', 'im:write', 'users:read', 'users:read.email']);
  });
});
