import { useEffect, useRef, useState } from 'preact/hooks';
import { formats } from '@/lib/format';
import { request } from '@/lib/messaging/client';
import { applyField, DEFINITION_FIELDS, displayValue, sameRules, type DefinitionField } from '@/lib/options/definition-form';
import { changeText, type Preview, previewText } from '@/lib/options/definition-preview';
import { DEFAULT_DEFINITION, type Definition } from '@/lib/scoring/definition';
import { definitionToFile, parseDefinitionFile } from '@/lib/scoring/file';
import { downloadFile } from '../download';

const GROUPS = [...new Set(DEFINITION_FIELDS.map((f) => f.group))];

/**
 * The team's ideal-account definition: edit, preview which accounts would change
 * band or move (before and after), save as the next version, reset, export and import as a file.
 */
export function DefinitionEditor({ locale }: { locale: string }) {
  const [saved, setSaved] = useState<Definition | null>(null);
  const [draft, setDraft] = useState<Definition | null>(null);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<Preview | null>(null);
  const [status, setStatus] = useState('');
  const [importError, setImportError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const show = (definition: Definition) => {
    setDraft(definition);
    setTexts(Object.fromEntries(DEFINITION_FIELDS.map((f) => [f.key, displayValue(f, definition, locale)])));
    setErrors({});
  };
  useEffect(() => {
    request('definition.get', {}).then(
      (definition) => {
        setSaved(definition);
        show(definition);
      },
      (error: Error) => setStatus(`Could not load the definition: ${error.message}`),
    );
  }, []);

  const dirty = !!draft && !!saved && !sameRules(draft, saved);
  const valid = Object.keys(errors).length === 0;
  useEffect(() => {
    if (!draft || !dirty || !valid) {
      setPreview(null);
      return;
    }
    let current = true;
    // Waits for a pause in typing: each preview rescores every account.
    const timer = setTimeout(() => {
      request('definition.preview', { definition: draft }).then(
        (result) => current && setPreview(result),
        (error: Error) => current && setStatus(`Preview failed: ${error.message}`),
      );
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [draft, dirty, valid]);

  const edit = (field: DefinitionField, text: string) => {
    setTexts((t) => ({ ...t, [field.key]: text }));
    const result = applyField(field, draft!, text, locale);
    if (result.ok) {
      setDraft(result.definition);
      setErrors(({ [field.key]: _fixed, ...rest }) => rest);
    } else {
      setErrors((e) => ({ ...e, [field.key]: result.error }));
    }
  };

  const save = async (definition: Definition, done: (saved: Definition) => string) => {
    setBusy(true);
    try {
      const next = await request('definition.save', { definition });
      setSaved(next);
      show(next);
      setStatus(done(next));
    } catch (error) {
      setStatus(`Not saved: ${(error as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = (e: Event) => {
    e.preventDefault();
    if (!draft || !valid) {
      setStatus('Fix the marked fields first; nothing was saved.');
      document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    void save(draft, (next) => `Saved as version ${next.version}. Every score now uses it.`);
  };

  const exportFile = () => {
    if (!saved) return;
    downloadFile(`quotewise-definition-v${saved.version}.json`, definitionToFile(saved), 'application/json');
    setStatus(`Exported version ${saved.version}${dirty ? ' (the saved one, without your unsaved edits)' : ''}.`);
  };

  const importFile = async (file: File | undefined) => {
    setImportError(null);
    if (!file) return;
    const parsed = parseDefinitionFile(await file.text());
    if (fileInput.current) fileInput.current.value = '';
    if (!parsed.ok) {
      setImportError(`${file.name}: ${parsed.error} Nothing was changed.`);
      return;
    }
    await save(parsed.definition, (next) => `Imported “${next.name}” from ${file.name}; saved as version ${next.version}.`);
  };

  if (!draft || !saved) {
    return (
      <section aria-labelledby="definition-title" aria-busy="true">
        <h2 id="definition-title">Ideal-account definition</h2>
        <p class="hint" role="status">{status || 'Loading…'}</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="definition-title">
      <h2 id="definition-title">Ideal-account definition</h2>
      <p class="hint">
        {`Version ${saved.version}${saved.updatedAt ? `, saved ${formats(locale).day(saved.updatedAt)}` : ' (the defaults)'}. `}
        Every score names the version that produced it. Share it with your team as a file so everyone applies the same one.
      </p>
      <form onSubmit={onSubmit} aria-label="Ideal-account definition" noValidate>
        {GROUPS.map((group) => (
          <fieldset key={group}>
            <legend>{group}</legend>
            <div class="grid">
              {DEFINITION_FIELDS.filter((f) => f.group === group).map((field) => {
                const id = `def-${field.key.replace('.', '-')}`;
                const error = errors[field.key];
                return (
                  <div class="field" key={field.key}>
                    <label for={id}>{field.kind === 'money' ? `${field.label} (${draft.thresholds.currency})` : field.label}</label>
                    <input
                      id={id}
                      type="text"
                      inputMode={field.kind === 'name' || field.kind === 'currency' ? 'text' : 'decimal'}
                      autocomplete="off"
                      value={texts[field.key]}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? `${id}-error` : undefined}
                      onInput={(e) => edit(field, e.currentTarget.value)}
                    />
                    {error && (
                      <p class="field-error" id={`${id}-error`}>
                        {error}
                      </p>
                    )}
                  </div>
                );
              })}
            </div>
          </fieldset>
        ))}
        {/* Kept in view while the rep scrolls through the fields: the preview answers "what would this change?" */}
        <div class="sticky-bar">
          <div class="preview" role="status" aria-live="polite">
            {!valid
              ? 'Fix the marked fields to see the preview.'
              : !dirty
                ? 'No unsaved changes.'
                : preview
                  ? previewText(preview)
                  : 'Checking which accounts would change…'}
          </div>
          {dirty && valid && preview && preview.changes.length > 0 && (
            // Every account listed, largest change first; the list scrolls (and takes focus to scroll by keyboard).
            <ul aria-label="Accounts that would change" tabIndex={0}>
              {preview.changes.map((c) => (
                <li key={c.accountId}>{changeText(c)}</li>
              ))}
            </ul>
          )}
          <div class="actions">
            <button type="submit" class="primary" disabled={busy || (!dirty && valid)}>
              Save as version {saved.version + 1}
            </button>
            <button type="button" disabled={!dirty && valid} onClick={() => show(saved)}>
              Discard changes
            </button>
            <button
              type="button"
              onClick={() => {
                show({ ...DEFAULT_DEFINITION, name: draft.name });
                setStatus('The defaults are in the form. Check the preview, then save.');
              }}
            >
              Reset to defaults
            </button>
          </div>
        </div>
      </form>
      <div class="actions">
        <button type="button" onClick={exportFile}>
          Export to a file
        </button>
        <label class="file-button" for="definition-import">
          Import from a file
        </label>
        <input
          ref={fileInput}
          id="definition-import"
          type="file"
          accept=".json,application/json"
          aria-describedby={importError ? 'definition-import-error' : undefined}
          onChange={(e) => void importFile(e.currentTarget.files?.[0])}
        />
      </div>
      {importError && (
        <p role="alert" class="form-error" id="definition-import-error">
          {importError}
        </p>
      )}
      <p role="status" class="hint">
        {status}
      </p>
    </section>
  );
}
