// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { IssueWorkflow } from '../../../../shared/domain/vocabulary';
import { RouteChooser } from '../../../../renderer/steps/issue-availability/RouteChooser';

afterEach(cleanup);

const renderChooser = (disabled: boolean) => {
  const chosen: IssueWorkflow[] = [];
  render(<RouteChooser facts={{ target: null, checks: {} }} value={undefined} onChoose={(r) => chosen.push(r)} disabled={disabled} />);
  return chosen;
};

describe('RouteChooser', () => {
  it('records the route the admin picks', () => {
    const chosen = renderChooser(false);
    fireEvent.click(screen.getByRole('radio', { name: /Portable export/ }));
    expect(chosen).toEqual(['portable']);
  });

  it('while busy it ignores a choice but keeps the radios enabled, so keyboard focus is not dropped', () => {
    const chosen = renderChooser(true);
    const portable = screen.getByRole('radio', { name: /Portable export/ });
    expect(portable.hasAttribute('disabled')).toBe(false);
    portable.focus();
    fireEvent.click(portable);
    expect(chosen).toEqual([]);
    expect(document.activeElement).toBe(portable);
  });
});
