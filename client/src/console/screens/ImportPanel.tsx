import { useState } from 'preact/hooks';
import { call } from '../api.js';
import { t } from '../i18n.js';
import { ErrorLine, useAction } from '../ui.js';

interface Report<T> {
  dryRun: boolean;
  rows: number;
  imported: number;
  problems: { row: number; field: string | null; code: string; message: string }[];
  items: T[];
}

/**
 * CSV import in two steps: the file is checked first (a dry run, nothing written) and every row's problems shown;
 * only a clean check offers the import, which writes all rows or none.
 */
export function ImportPanel<T>(props: { route: string; id: string; onImported: (items: T[]) => void }) {
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [report, setReport] = useState<Report<T> | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const { busy, error, run } = useAction();

  const choose = async (event: Event) => {
    const chosen = (event.target as HTMLInputElement).files?.[0];
    setReport(null);
    setDone(null);
    setFile(chosen ? { name: chosen.name, text: await chosen.text() } : null);
  };
  const check = () =>
    file &&
    run(async () => setReport(await call<Report<T>>(`${props.route}?dryRun=true`, { method: 'POST', csv: file.text })));
  const commit = () =>
    file &&
    run(async () => {
      const result = await call<Report<T>>(props.route, { method: 'POST', csv: file.text });
      setReport(null);
      setFile(null);
      setDone(result.imported);
      props.onImported(result.items);
    });

  return (
    <section class="panel" aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`}>{t('import.title')}</h2>
      <div class="row">
        <label>
          {t('import.file')}
          <input type="file" accept=".csv,text/csv" onChange={(e) => void choose(e)} />
        </label>
        <button type="button" disabled={!file || busy} onClick={() => void check()}>
          {t('import.check')}
        </button>
      </div>
      <ErrorLine error={error} />
      {done !== null && <p role="status">{t('import.done', { count: done })}</p>}
      {report && file && (
        <div class="report" role="region" aria-label={t('import.report', { file: file.name, rows: report.rows })}>
          <p>
            <strong>{t('import.report', { file: file.name, rows: report.rows })}</strong>
          </p>
          {report.problems.length === 0 ? (
            <p class="ok">{t('import.ok', { count: report.rows })}</p>
          ) : (
            <>
              <p class="error">{t('import.problems', { count: report.problems.length })}</p>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('import.row')}</th>
                    <th scope="col">{t('import.field')}</th>
                    <th scope="col">{t('import.problem')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.problems.map((p, i) => (
                    <tr key={i}>
                      <td>{p.row}</td>
                      <td>{p.field ?? ''}</td>
                      <td>{p.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          <button
            type="button"
            class="primary"
            disabled={busy || report.problems.length > 0}
            onClick={() => void commit()}
          >
            {t('import.commit', { count: report.rows })}
          </button>
        </div>
      )}
    </section>
  );
}
