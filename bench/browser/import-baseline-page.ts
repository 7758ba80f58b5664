/** The import baseline's page script: the picked file goes to the baseline worker; the page says when it is stored. */
export {};
const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
const statusLine = document.querySelector<HTMLElement>('[role=status]')!;
input.addEventListener('change', () => {
  const worker = new Worker('/bench-import-worker.js');
  worker.onmessage = (message: MessageEvent<{ rows: number; parseMs: number; writeMs: number }>) => {
    statusLine.dataset.parseMs = String(message.data.parseMs);
    statusLine.dataset.writeMs = String(message.data.writeMs);
    statusLine.textContent = `Stored ${message.data.rows} rows`;
    worker.terminate();
  };
  worker.postMessage(input.files![0]!);
});
