// The catalogue: every key in both languages, the same placeholders in both, and every message parses.
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/catalogue.ts';
import { messages } from '../../src/i18n/messages/index.ts';

function placeholders(elements: MessageFormatElement[], out = new Set<string>()): Set<string> {
  for (const e of elements) {
    if (e.type === TYPE.argument || e.type === TYPE.number || e.type === TYPE.date || e.type === TYPE.time) out.add(`${e.value}:${e.type}`);
    if (e.type === TYPE.plural || e.type === TYPE.select) {
      out.add(`${e.value}:${e.type}`);
      for (const option of Object.values(e.options)) placeholders(option.value, out);
    }
    if (e.type === TYPE.tag) placeholders(e.children, out);
  }
  return out;
}

describe('the message catalogue', () => {
  const en = messages.en as Record<string, string>;
  const nl = messages.nl as Record<string, string>;

  it('has the same keys in English and Dutch', () => {
    expect(Object.keys(nl).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(en).length).toBeGreaterThan(10);
  });

  it.each(Object.keys(en))('%s has the same placeholders in both languages', (key) => {
    const a = [...placeholders(parse(en[key] as string, { ignoreTag: true }))].sort();
    const b = [...placeholders(parse(nl[key] as string, { ignoreTag: true }))].sort();
    expect(b).toEqual(a);
    expect((nl[key] as string).trim()).not.toBe('');
  });

  it('shows dates in Europe/Amsterdam whatever the server zone', () => {
    // 23:30 UTC on 31 January is already 1 February in Amsterdam.
    const instant = new Date('2027-01-31T23:30:00Z');
    expect(t('en', 'home.audit.row', { when: instant, actor: 'a', action: 'b', target: '' })).toMatch(/^Feb 1, 2027 /);
    expect(t('nl', 'mail.date', { when: instant })).toBe('1 februari 2027 om 00:30');
    expect(t('nl', 'role.environment.ADVANCED')).toBe('Gevorderde gebruiker');
  });
});
