// Linking an item to a git repository in the browser version: the path typed (the browser cannot
// show a folder dialog), a folder that is not a repository refused beside the field, the commits
// beside the logged time, a suggested session accepted into the log and another dismissed. And the
// demo learner's repository, whose suggestions show on Project 4.3.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { makeRepo } from '../support/git-repos';
import { expect, expectAccessible, startPreviewProcess, test } from './fixtures';

/** 19:00 local time `days` before today. */
const evening = (days: number, minutes = 0) => {
  const d = new Date();
  d.setDate(d.getDate() - days);
  d.setHours(19, minutes, 0, 0);
  return d.getTime();
};

test('links a repository by its typed path, then accepts one suggested session and dismisses another', async ({
  page,
  preview,
  dataDir,
}) => {
  const repo = await makeRepo(
    [
      {
        at: evening(3),
        message: 'Start the API',
        files: { 'requirements.txt': 'fastapi\n', Dockerfile: 'FROM python\n' },
      },
      { at: evening(3, 40), message: 'Predict endpoint' },
      { at: evening(1), message: 'Tests' },
    ],
    { remote: 'git@github.com:learner/model-api.git', dir: path.join(dataDir, 'model-api') },
  );
  const notRepo = path.join(dataDir, 'just-a-folder');
  mkdirSync(notRepo);

  await page.goto(`${preview.url}#/item/4.1`);
  const card = page.getByTestId('repo-card');
  await expect(card.getByRole('heading', { name: 'Repository' })).toBeVisible();
  const field = card.getByLabel('Repository folder');

  await field.fill(notRepo);
  await card.getByRole('button', { name: 'Link repository' }).click();
  await expect(card.getByRole('alert')).toContainText('is not a git repository');
  await expect(field).toHaveAttribute('aria-invalid', 'true');

  await field.fill(repo.dir);
  await field.press('Enter');
  await expect(card.getByTestId('repo-name')).toHaveText('model-api');
  await expect(card.getByTestId('repo-commits')).toHaveText('3');
  await expect(card.getByTestId('repo-remote')).toHaveAttribute('href', 'https://github.com/learner/model-api');
  await expect(card.getByTestId('repo-days').locator('tbody tr')).toHaveCount(2);
  await expect(card.getByText(/Commits less than 2 hours apart make one session/)).toBeVisible();
  const suggestions = card.getByTestId('repo-suggestion');
  await expect(suggestions).toHaveCount(2);
  await expectAccessible(page, 'the item screen with a linked repository');

  // The older evening: 18:30 to 19:40, two commits.
  await suggestions.nth(1).getByRole('button', { name: 'Accept' }).click();
  await expect(suggestions).toHaveCount(1);
  const log = page.locator('.item-log');
  await expect(log).toContainText('From 2 commits in model-api');
  await expect(page.getByTestId('item-hours')).toHaveText('1.2 h');
  await expect(card.getByTestId('repo-days')).toContainText('1.2 h');

  // Edit opens the entry form filled from the suggestion; Dismiss makes it go.
  await suggestions.first().getByRole('button', { name: 'Edit…' }).click();
  await expect(suggestions.first().getByLabel('Note (optional)')).toHaveValue('From 1 commit in model-api');
  await suggestions.first().getByRole('button', { name: 'Cancel' }).click();
  await suggestions.first().getByRole('button', { name: 'Dismiss' }).click();
  await expect(suggestions).toHaveCount(0);
  await expect(card).toContainText('Nothing to suggest');

  // The portfolio takes the remote's page in one click.
  await card.getByRole('button', { name: 'Use this link' }).click();
  await expect(card.getByRole('button', { name: 'Use this link' })).toHaveCount(0);
  await page.goto(`${preview.url}#/portfolio`);
  await expect(page.locator('input[value="https://github.com/learner/model-api"]').first()).toBeAttached();
});

test("shows the demo learner's repository with its suggested sessions on Project 4.3", async ({ page, dataDir }) => {
  const demo = await startPreviewProcess(path.join(dataDir, 'demo.db'), ['--demo']);
  try {
    await page.goto(`${demo.url}#/item/4.3`);
    const card = page.getByTestId('repo-card');
    await expect(card.getByTestId('repo-name')).toHaveText('realtime-inference-service');
    await expect(card.getByTestId('repo-suggestion')).toHaveCount(3);
    await expect(card.getByRole('button', { name: 'Add these technologies' })).toBeVisible();
  } finally {
    await demo.stop();
  }
});
