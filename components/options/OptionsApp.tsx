import { DefinitionEditor } from './DefinitionEditor';
import { SettingsEditor } from './SettingsEditor';

export function OptionsApp({ locale }: { locale: string }) {
  return (
    <main class="options" aria-labelledby="options-title">
      <h1 id="options-title">Quotewise settings</h1>
      {/* Slot for the "Import & backup" page link (entrypoints/data), added by the lead. */}
      <DefinitionEditor locale={locale} />
      <SettingsEditor />
    </main>
  );
}
