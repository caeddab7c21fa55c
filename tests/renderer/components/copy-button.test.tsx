// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COPIED_MS, CopyButton } from '../../../renderer/components/CopyButton';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('CopyButton', () => {
  it('"Copied" returns to the button\'s own words after a few seconds (issue 14)', async () => {
    vi.useFakeTimers();
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: async () => undefined }, configurable: true });
    render(<CopyButton text="summary" label="Copy support summary" idleText="Copy support summary" />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy support summary' }));
    });
    expect(screen.getByRole('button').textContent).toBe('Copied');
    act(() => {
      vi.advanceTimersByTime(COPIED_MS - 100);
    });
    expect(screen.getByRole('button').textContent).toBe('Copied');
    act(() => {
      vi.advanceTimersByTime(200);
    });
    expect(screen.getByRole('button').textContent).toBe('Copy support summary');
  });
});
