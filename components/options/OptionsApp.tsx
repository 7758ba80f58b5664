import { DefinitionEditor } from './DefinitionEditor';
import { SettingsEditor } from './SettingsEditor';

export function OptionsApp({ locale }: { locale: string }) {
  return (
    <main class="options" aria-labelledby="options-title">
      <h1 id="options-title">Quotewise settings</h1>
      <nav aria-label="Other Quotewise pages">
        <a href="history.html">Accounts and history</a> · <a href="data.html">Import &amp; backup</a>
      </nav>
      <DefinitionEditor locale={locale} />
      <SettingsEditor />
    </main>
  );
}
