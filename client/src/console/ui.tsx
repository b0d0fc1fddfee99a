import { signal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { failure } from './api.js';
import { t } from './i18n.js';
import { go } from './router.js';

/** An in-app link: a plain <a> (so it opens in a new tab too), navigated without a page load on a plain click. */
export function Link(props: { href: string; children: ComponentChildren; class?: string }) {
  return (
    <a
      href={props.href}
      class={props.class}
      onClick={(event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        go(props.href);
      }}
    >
      {props.children}
    </a>
  );
}

interface PendingConfirm {
  text: string;
  action: string;
  resolve: (ok: boolean) => void;
}

const pending = signal<PendingConfirm | null>(null);

/** Every destructive or irreversible action asks first, in a modal dialog (Escape or Cancel says no; Tab stays inside). */
export function confirmAction(text: string, action: string): Promise<boolean> {
  pending.value?.resolve(false);
  return new Promise((resolve) => (pending.value = { text, action, resolve }));
}

export function ConfirmDialog() {
  const ref = useRef<HTMLDialogElement>(null);
  const current = pending.value;
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (current && !dialog.open) dialog.showModal();
    if (!current && dialog.open) dialog.close();
  }, [current]);
  const answer = (ok: boolean) => {
    current?.resolve(ok);
    pending.value = null;
  };
  return (
    <dialog
      ref={ref}
      class="confirm"
      aria-labelledby="confirm-text"
      onCancel={() => answer(false)}
      onKeyDown={(event) => {
        // Tab cycles between the dialog's own buttons: focus never leaves a question still open.
        if (event.key !== 'Tab' || !ref.current) return;
        const buttons = [...ref.current.querySelectorAll('button')];
        const edge = event.shiftKey ? buttons[0] : buttons[buttons.length - 1];
        if (document.activeElement !== edge) return;
        event.preventDefault();
        (event.shiftKey ? buttons[buttons.length - 1] : buttons[0]).focus();
      }}
    >
      {current && (
        <form method="dialog" onSubmit={(event) => (event.preventDefault(), answer(true))}>
          <p id="confirm-text">{current.text}</p>
          <div class="actions">
            <button type="button" onClick={() => answer(false)}>
              {t('common.cancel')}
            </button>
            <button type="submit" class="primary" autoFocus>
              {current.action}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}

/** A failed call's message, announced to screen readers. */
export function ErrorLine({ error }: { error: unknown }) {
  if (error === undefined || error === null) return null;
  const { key, detail } = failure(error);
  return (
    <p class="error" role="alert">
      {t(key, { detail })}
    </p>
  );
}

/** Runs an async action with a busy flag and its error kept for display. */
export function useAction(): {
  busy: boolean;
  error: unknown;
  run: <T>(work: () => Promise<T>) => Promise<T | undefined>;
} {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const run = async <T,>(work: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(undefined);
    try {
      return await work();
    } catch (caught) {
      setError(caught);
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

/** Loads once per key change; `reload` fetches again (after a write, or on a live event). */
export function useLoad<T>(
  load: () => Promise<T>,
  keys: unknown[],
): { data: T | undefined; error: unknown; reload: () => void } {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (value) => live && (setData(value), setError(undefined)),
      (caught: unknown) => live && setError(caught),
    );
    return () => {
      live = false;
    };
  }, [...keys, tick]);
  return { data, error, reload: () => setTick((n) => n + 1) };
}

export function CsvLink({ href }: { href: string }) {
  return (
    <a class="csv" href={href} download>
      {t('common.csv')}
    </a>
  );
}
