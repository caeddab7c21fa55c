import { SHORTCUTS } from '../../app/use-shortcuts';

/** The keyboard shortcuts, on the start screen where a support engineer looks for them. */
export const ShortcutList = () => (
  <section aria-labelledby="shortcuts-title">
    <h3 id="shortcuts-title" className="section-title">
      Keyboard shortcuts
    </h3>
    <dl className="shortcut-list">
      {SHORTCUTS.map((s) => (
        <div key={s.keys}>
          <dt>
            <kbd>{s.keys}</kbd>
          </dt>
          <dd>{s.does}</dd>
        </div>
      ))}
    </dl>
  </section>
);
