// A refusal of Slack's own (who is calling, what was typed), in the catalogue: an AppError, so every
// place that handles AppErrors handles it, that also knows its message key and the language of the
// person it answers. errorText and modalErrors show it in that language.
import { type Locale, type MessageKey, type MessageValues, type Translate, translator } from '../i18n/catalogue.ts';
import { AppError, type ErrorCode } from '../rights/index.ts';

/** Values, or values that are themselves messages in the reader's language. */
type Values = MessageValues | ((t: Translate) => MessageValues);

export class SlackRefusal extends AppError {
  constructor(
    code: ErrorCode,
    readonly key: MessageKey,
    private readonly values: Values = {},
    /** the reader's language when known where the refusal is made (before the caller is known) */
    readonly locale?: Locale,
    field?: string,
  ) {
    // the English text for logs and for code that knows only AppError
    super(code, SlackRefusal.render(translator('en'), key, values), field);
  }

  private static render(t: Translate, key: MessageKey, values: Values): string {
    return t(key, typeof values === 'function' ? values(t) : values);
  }

  /** The message in the reader's language: the refusal's own when it knows it, else `locale`. */
  textIn(locale: Locale): string {
    return SlackRefusal.render(translator(this.locale ?? locale), this.key, this.values);
  }
}
