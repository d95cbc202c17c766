// language: the language eConnect speaks to the caller (their User.locale), or with `environment`
// the environment's (Administrators: channel messages, invitations, everyone without their own).
//   language nl|en                 the caller's own language
//   language default               back to the environment's language (also: reset, standaard)
//   language environment nl|en     the environment's language
import { readerLocale, t, type Locale } from '../../i18n/catalogue.ts';
import { setEnvironmentLanguage, setLanguage } from '../../rights/index.ts';
import { message } from '../blocks/text.ts';
import { SlackRefusal } from '../refusal.ts';
import { usage, type Subcommand } from './run.ts';

const WORDS: Record<string, Locale> = { nl: 'nl', nederlands: 'nl', dutch: 'nl', en: 'en', english: 'en', engels: 'en' };
const DEFAULT_WORDS = new Set(['default', 'reset', 'standaard']);

const localeOf = (word: string | undefined): Locale | null => (word ? (WORDS[word.toLowerCase()] ?? null) : null);

export const language: Subcommand = {
  usage: 'slack.usage.language',
  async run(r) {
    const [first, second, ...rest] = r.args.map((a) => a.toLowerCase());
    if (first === 'environment' || first === 'omgeving') {
      const locale = localeOf(second);
      if (!locale || rest.length) return usage(r, this.usage);
      // the rights service decides (environment:configure); this says what to do instead, in the caller's language
      if (r.caller.role !== 'ADMINISTRATOR') throw new SlackRefusal('forbidden', 'slack.refusal.languageAdminsOnly', { command: r.ctx.command }, r.caller.locale);
      const result = await setEnvironmentLanguage(r.ctx.deps, r.caller, { locale });
      if (!result.changed) return r.respond(message(r.t('slack.language.environmentUnchanged', { language: r.t(`language.${locale}`) })));
      // the channel reads it in the language just chosen
      await r.confirm((c) => c.environmentLanguageSet(r.caller.slackUserId, locale), locale);
      return;
    }
    const clear = first !== undefined && DEFAULT_WORDS.has(first);
    const locale = localeOf(first);
    if ((!clear && !locale) || second !== undefined) return usage(r, this.usage);
    const result = await setLanguage(r.ctx.deps, r.caller, { locale: clear ? null : locale });
    // the answer is in the language the caller reads from now on
    const now = readerLocale({ locale: r.caller.environmentLocale }, { locale: result.locale });
    r.ctx.identity.languageChanged(r.teamId, r.caller.slackUserId, now);
    const name = t(now, `language.${now}`);
    const text = clear ? t(now, 'slack.language.default', { language: name }) : t(now, result.changed ? 'slack.language.set' : 'slack.language.unchanged', { language: name });
    await r.respond(message(text));
  },
};
