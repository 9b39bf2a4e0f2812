// The roadmap and insights charts on the demo learner: real SVG with data, and a table that
// says the same as the chart.
import { expect, expectAccessible, startPreviewProcess, test } from './fixtures';

test.describe('charts on the demo learner', () => {
  let url = '';
  let stop: () => Promise<void> = async () => {};
  test.beforeAll(async ({}, info) => {
    const preview = await startPreviewProcess(`${info.outputDir}/demo.db`, ['--demo']);
    url = preview.url;
    stop = preview.stop;
  });
  test.afterAll(async () => stop());

  test('the roadmap chart draws 24 ranges and the logged hours, and over-estimate items stand out', async ({
    page,
  }) => {
    await page.goto(url);
    const chart = page.getByTestId('roadmap-chart');
    await expect(chart.locator('path.bar-range')).toHaveCount(24);
    // Every range bar has a real height: min and max differ for every item.
    const heights = await chart
      .locator('path.bar-range')
      .evaluateAll((paths) => paths.map((p) => Number(p.getAttribute('height'))));
    expect(heights.every((h) => h > 0)).toBe(true);
    const actual = chart.locator('path.bar-actual');
    expect(await actual.count()).toBeGreaterThanOrEqual(12); // the demo learner logged time on 13 items
    expect(await chart.locator('path.bar-actual-over').count()).toBeGreaterThanOrEqual(2);
    await expect(chart.getByText('Phase 1', { exact: true })).toBeVisible();
    await expectAccessible(page, 'roadmap with chart');
  });

  test('the table view shows the same totals as the phase chart', async ({ page }) => {
    await page.goto(url);
    await page.getByRole('radio', { name: 'By phase' }).check();
    const chart = page.getByTestId('roadmap-chart');
    await expect(chart.locator('path.bar-range')).toHaveCount(3);
    const fromChart: string[] = [];
    for (let phase = 0; phase < 3; phase++) {
      await chart.locator('path.bar-range').nth(phase).hover();
      const tooltip = page.locator('.chart-tooltip');
      await expect(tooltip).toContainText(`Phase ${phase + 1}`);
      const text = (await tooltip.textContent()) ?? '';
      const match = /Estimate (\d+)–(\d+) h · logged ([\d.]+) h/.exec(text);
      expect(match, text).not.toBeNull();
      fromChart.push(`${match![1]}–${match![2]} ${match![3]}`);
    }
    expect(fromChart.map((s) => s.split(' ')[0])).toEqual(['54–72', '129–167', '128–157']);

    await page.getByRole('radio', { name: 'Table' }).check();
    const table = page.getByTestId('roadmap-table');
    await expect(table).toBeVisible();
    for (let phase = 1; phase <= 3; phase++) {
      const cells = await page.getByTestId(`phase-total-${phase}`).locator('td.num').allTextContents();
      expect(`${cells[0]} ${cells[1]}`).toBe(fromChart[phase - 1]);
    }
    await expect(page.getByTestId('roadmap-total').locator('td.num').first()).toHaveText('311–396');
    await expect(table.locator('tr.row-item')).toHaveCount(24);
    await expectAccessible(page, 'roadmap table');
  });

  test('the insights screen draws the burn-up, weekly hours, heatmap, streaks and forecast', async ({ page }) => {
    await page.goto(`${url}#/insights`);
    const burnUp = page.getByTestId('burnup-chart');
    for (const line of ['line-planned', 'line-actual']) {
      const d = await burnUp.locator(`.${line} path.recharts-curve`).first().getAttribute('d');
      expect((d ?? '').split(/[ML]/).length, line).toBeGreaterThan(10);
    }
    await expect(burnUp.getByText('Today')).toBeVisible();
    const weekly = page.getByTestId('weekly-chart');
    expect(await weekly.locator('path.bar-week').count()).toBeGreaterThan(10);
    await expect(weekly.getByText(/^Goal 8 h$/)).toBeVisible();
    const cells = page.getByTestId('heatmap').locator('rect.heat');
    expect(await cells.count()).toBeGreaterThanOrEqual(358);
    expect(await page.getByTestId('heatmap').locator('rect.heat-3, rect.heat-4').count()).toBeGreaterThan(10);
    await expect(page.getByTestId('streak-current')).toHaveText(/^\d+ days$/);
    expect(Number((await page.getByTestId('streak-current').textContent())!.split(' ')[0])).toBeGreaterThanOrEqual(10);
    await expect(page.getByTestId('finish-p50')).toHaveText(/\d{4}/);
    await expect(page.getByTestId('calibration-overall')).toHaveText(/^\d\.\d\d×$/);
    await expect(page.getByTestId('forecast')).toContainText('scaled by your own pace');
    await expect(page.getByTestId('needed-per-week')).toHaveText(/h a week from now on/);
    await expectAccessible(page, 'insights');
  });

  test('settings change the weekly goal line and are refused in plain words when wrong', async ({ page }) => {
    await page.goto(`${url}#/settings`);
    const goal = page.getByLabel('Weekly goal (hours)');
    await goal.fill('500');
    await goal.blur();
    await expect(page.getByText('A weekly goal is at most 80 hours.')).toBeVisible();
    await goal.fill('6');
    await goal.blur();
    await expect(page.locator('#weeklyGoalHours-help')).toHaveText('Saved');
    await page.getByRole('link', { name: 'Insights' }).click();
    await expect(page.getByTestId('weekly-chart').getByText(/^Goal 6 h$/)).toBeVisible();
    await page.goto(`${url}#/settings`);
    await page.getByLabel('Theme').selectOption('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expectAccessible(page, 'settings');
  });
});
