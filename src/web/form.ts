// The pieces of every form on the web pages: reading a posted field, an input with its label, hint
// and error tied together (aria-describedby), the error summary announced to screen readers, and
// the hidden CSRF field.
import type { Request } from 'express';
import { html, type Html } from './html.ts';

/** A problem to show on a form: on one field when `field` names an input of the form, else at the top only. */
export interface FieldError {
  field?: string;
  message: string;
}

/** A posted form field as text; anything else (missing, repeated) reads as empty. */
export function formValue(req: Request, name: string): string {
  const v = (req.body as Record<string, unknown> | undefined)?.[name];
  return typeof v === 'string' ? v : '';
}

export function input(opts: {
  name: string;
  label: string;
  type: string;
  autocomplete: string;
  value?: string;
  hint?: string;
  error?: FieldError;
  required?: boolean;
  /** more attributes, e.g. maxlength */
  extra?: Html;
}): Html {
  const bad = opts.error?.field === opts.name;
  const describedBy = [opts.hint ? `${opts.name}-hint` : '', bad ? `${opts.name}-error` : ''].filter(Boolean).join(' ');
  return html`<label for="${opts.name}">${opts.label}</label>
${opts.hint ? html`<p class="hint" id="${opts.name}-hint">${opts.hint}</p>` : ''}
<input id="${opts.name}" name="${opts.name}" type="${opts.type}" autocomplete="${opts.autocomplete}" ${opts.required === false ? '' : html`required`} ${opts.extra ?? ''}
  ${opts.value !== undefined ? html`value="${opts.value}"` : ''} ${describedBy ? html`aria-describedby="${describedBy}"` : ''} ${bad ? html`aria-invalid="true" autofocus` : ''}>
${bad && opts.error ? html`<p class="field-error" id="${opts.name}-error">${opts.error.message}</p>` : ''}`;
}

/** The problem at the top of the form, where a screen reader announces it; `title` in the page's language. */
export function errorSummary(title: string, error?: FieldError): Html | string {
  if (!error) return '';
  return html`<div class="error" role="alert" id="error-summary"><strong>${title}:</strong> ${error.message}</div>`;
}

export const csrfField = (token: string): Html => html`<input type="hidden" name="_csrf" value="${token}">`;
