// Every message in the catalogue is said somewhere: a key no code names any more is a dead text that
// translators keep up for nobody, so it is taken out. A key counts as used when src names it in a
// string ('slack.help.intro'), or when it starts with one of the prefixes below that code completes
// at run time (`role.environment.${role}`), each with the place that does so.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { messages } from '../../src/i18n/messages/index.ts';
import { sourceFiles } from '../support/literal-scan.ts';

/** Keys code builds from a prefix and a value: the prefix as it stands in the template, and where. */
const DYNAMIC: { prefix: string; where: string }[] = [
  { prefix: 'role.environment.', where: 'src/i18n/labels.ts, src/slack/blocks/labels.ts: a role read from the database' },
  { prefix: 'role.organisation.', where: 'src/slack/blocks/labels.ts, src/slack/home/render.ts: a role in an organisation' },
  { prefix: 'status.', where: 'src/rights/users/change-user-status.ts and others: a user status in a sentence' },
  { prefix: 'language.', where: 'src/slack/subcommands/language.ts: the name of a language' },
  { prefix: 'rights.action.', where: 'src/rights/core/actor.ts: the action a refusal names' },
  { prefix: 'rights.deed.', where: 'src/rights/users/change-user-status.ts: what the last administrator rule stopped' },
  { prefix: 'home.confirm.', where: "src/slack/home/render.ts: a home button's question" },
  { prefix: 'home.none.', where: 'src/slack/home/render.ts: why someone has no home' },
  { prefix: 'slack.org.', where: "src/slack/blocks/messages.ts: an organisation's detail fields" },
  { prefix: 'slack.option.', where: 'src/slack/blocks/options.ts: an environment role option' },
];

/** `rights.what.<field>.start`: src/rights/input.ts makes it from the field's key (`${what}.start`). */
const START = /^rights\.what\.[^.]+\.start$/;

const source = sourceFiles('src')
  .filter((f) => !f.startsWith('src/i18n/messages/') && !f.startsWith('src/generated/'))
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');

const named = (key: string) => source.includes(`'${key}'`) || source.includes(`"${key}"`) || source.includes(`\`${key}\``);

describe('catalogue keys', () => {
  it('each dynamic prefix is still completed somewhere in src', () => {
    for (const { prefix, where } of DYNAMIC) expect(source.includes(`\`${prefix}\${`), `${prefix} (${where})`).toBe(true);
    expect(source.includes('}.start`')).toBe(true);
  });

  it('every key is used by src, by name or by a dynamic prefix', () => {
    const unused = Object.keys(messages.en).filter((key) => {
      if (named(key)) return false;
      if (DYNAMIC.some((d) => key.startsWith(d.prefix))) return false;
      if (START.test(key) && named(key.slice(0, -'.start'.length))) return false;
      return true;
    });
    expect(unused).toEqual([]);
  });

  it('finds a key nobody names', () => {
    expect(named('slack.help.intro')).toBe(true);
    expect(named('slack.help.nobodySaysThis')).toBe(false);
  });
});
