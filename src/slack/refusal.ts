// A refusal of Slack's own (who is calling, what was typed), in the catalogue: an AppError, so every
// place that handles AppErrors handles it, that also knows the language of the person it answers when
// it is made before the caller is known. errorText and modalErrors show it in that language.
import { type Locale, type MessageKey, type MessageValues, type Translate, translator } from '../i18n/catalogue.ts';
import { AppError, type ErrorCode, type ErrorValues, type RightsKey } from '../rights/index.ts';

/** Values, or values that are themselves messages in the reader's language. */
type Values = MessageValues | ((t: Translate) => MessageValues);

const render = (t: Translate, key: MessageKey, values: Values): string => t(key, typeof values === 'function' ? values(t) : values);

export class SlackRefusal extends AppError {
  constructor(
    code: ErrorCode,
    private readonly slackKey: MessageKey,
    private readonly slackValues: Values = {},
    /** the reader's language when known where the refusal is made (before the caller is known) */
    readonly locale?: Locale,
    field?: string,
  ) {
    // AppError keeps the English text (logs, the rights API); the key is ours, not the rights service's
    super(code, slackKey as RightsKey, (typeof slackValues === 'function' ? slackValues(translator('en')) : slackValues) as ErrorValues, field);
  }

  /** The message in the reader's language: the refusal's own when it knows it, else `locale`. */
  override messageIn(locale: Locale): string {
    return render(translator(this.locale ?? locale), this.slackKey, this.slackValues);
  }

  textIn(locale: Locale): string {
    return this.messageIn(locale);
  }
}
