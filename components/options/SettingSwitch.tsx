import type { ComponentChildren } from 'preact';

export interface SettingSwitchProps {
  id: string;
  testId: string;
  label: string;
  checked: boolean;
  disabled?: boolean;
  busy?: boolean;
  /** Explains the setting; read by screen readers as the switch's description. */
  children: ComponentChildren;
  onChange: (checked: boolean) => void;
}

/** A labelled on/off switch (a native checkbox with the switch role) and its explanation. */
export function SettingSwitch({ id, testId, label, checked, disabled, busy, children, onChange }: SettingSwitchProps) {
  const hintId = `${id}-hint`;
  return (
    <div class="setting">
      <label class="setting-label" for={id}>
        {label}
      </label>
      <input
        id={id}
        class="switch"
        type="checkbox"
        role="switch"
        data-testid={testId}
        checked={checked}
        disabled={disabled}
        aria-busy={busy ? 'true' : undefined}
        aria-describedby={hintId}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      <div id={hintId} class="setting-hint">
        {children}
      </div>
    </div>
  );
}
