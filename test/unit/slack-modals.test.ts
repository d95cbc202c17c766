// Slack cuts a modal's title, submit and close texts at 24 characters: every one of them fits in
// both languages, so none is ever shown cut off.
import { describe, expect, it } from 'vitest';
import { locales, translator } from '../../src/i18n/catalogue.ts';
import { messages } from '../../src/i18n/messages/index.ts';
import { addMemberModal, inviteModal, organisationModal, pickOrganisationModal, removeMemberModal, setRoleModal } from '../../src/slack/blocks/modals.ts';

const modalKeys = Object.keys(messages.en).filter((k) => /^slack\.modal\.[^.]+\.(title|submit)$/.test(k) || k === 'slack.modal.cancel');

describe('Slack modal texts', () => {
  it('finds the titles and buttons of every modal', () => {
    expect(modalKeys.filter((k) => k.endsWith('.title')).length).toBeGreaterThanOrEqual(6);
  });

  it.each(locales.flatMap((l) => modalKeys.map((k) => [l, k] as const)))('%s %s is at most 24 characters', (locale, key) => {
    const text = (messages[locale] as Record<string, string>)[key]!;
    expect([...text].length).toBeLessThanOrEqual(24);
  });

  it.each(locales)('every modal in %s shows its title, submit and close texts whole', (locale) => {
    const t = translator(locale);
    const meta = { channel: 'C1' };
    const views = [
      inviteModal(t, meta), setRoleModal(t, meta), addMemberModal(t, meta), removeMemberModal(t, meta),
      removeMemberModal(t, { ...meta, organisationId: 'o1', organisationName: 'Acme' }), organisationModal(t, 'create_org', meta),
      organisationModal(t, 'edit_org', meta), pickOrganisationModal(t, meta),
    ];
    for (const view of views) {
      for (const part of [view.title, view.submit, view.close] as { text: string }[]) {
        expect(part.text).not.toContain('…');
        expect(Object.values(messages[locale])).toContain(part.text);
      }
    }
  });
});
