// The portfolio and milestones as a learner uses them, over the real handlers.
import { expect, expectAccessible, test } from './fixtures';

test('a portfolio entry is pre-filled, saves as you type, checks links and keeps its score history', async ({
  page,
  preview,
}) => {
  await page.goto(`${preview.url}#/portfolio`);
  await expect(page.getByRole('heading', { level: 1, name: 'Portfolio' })).toBeVisible();
  // Projects are in the portfolio by default; the first one opens.
  await expect(page.getByRole('heading', { level: 2, name: 'Model API Service' })).toBeVisible();
  await expect(page.getByLabel('Project Title')).toHaveValue('Model API Service');
  await expect(page.getByLabel('Technologies Used')).toHaveValue('FastAPI, Docker, AWS/GCP');
  await expect(page.getByRole('checkbox', { name: 'Include in the PDF' })).toBeChecked();

  const problem = page.getByLabel('Problem Statement');
  await problem.fill('Serve a churn model behind a validated REST API.');
  await expect(page.locator('#field-problemStatement-state')).toHaveText('Saved');

  const github = page.getByLabel('GitHub Repository');
  await github.fill('github.com/me/churn-api');
  await expect(page.getByText('A link must be a web address starting with http:// or https://')).toBeVisible();
  await github.fill('https://github.com/me/churn-api');
  await expect(page.getByText('A link must be a web address')).toHaveCount(0);
  await github.blur();

  for (const group of await page.getByRole('radiogroup').all()) await group.getByRole('radio', { name: '4' }).check();
  await page.getByRole('button', { name: 'Save assessment' }).click();
  await expect(page.getByTestId('assessment-total')).toContainText('80.0');
  await expect(page.getByTestId('assessment-history').locator('li')).toHaveCount(1);

  await page.reload();
  await expect(page.getByLabel('Problem Statement')).toHaveValue('Serve a churn model behind a validated REST API.');
  await expect(page.getByLabel('GitHub Repository')).toHaveValue('https://github.com/me/churn-api');
  await expect(page.getByTestId('assessment-total')).toContainText('80.0');
  await expectAccessible(page, 'portfolio');

  // The browser preview cannot save files; it says what to use instead.
  await page.getByRole('button', { name: /^Export PDF/ }).click();
  await expect(page.getByText(/needs the desktop app/)).toBeVisible();
});

test('milestones tick themselves from the logbook and by hand', async ({ page, preview }) => {
  await page.goto(preview.url);
  await page.evaluate(() => window.api!.invoke('item.setStatus', { itemId: '4.2', status: 'done' }));
  await page.goto(`${preview.url}#/milestones`);
  const phase2 = page.getByTestId('milestones-phase2');
  const deployment = phase2.locator('li', { hasText: 'Model deployment experience' });
  await expect(deployment).toHaveClass(/met/);
  await expect(deployment).toContainText('from your logbook');
  const cicd = phase2.locator('li', { hasText: 'CI/CD pipeline for ML' });
  await expect(cicd).not.toHaveClass(/met/);

  const manual = page.getByRole('checkbox', { name: 'Container orchestration knowledge' });
  await manual.check();
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'Container orchestration knowledge' })).toBeChecked();
  await expect(phase2.getByText('2/5')).toBeVisible();
  await expectAccessible(page, 'milestones');
});
