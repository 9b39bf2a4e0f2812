// What a repository is built with, its README and its remote's web page: pure functions over paths and texts.
import { describe, expect, it } from 'vitest';
import {
  displayRemote,
  proposeTechnologies,
  readmeIn,
  technologiesIn,
  webUrlOfRemote,
} from '../../electron/git/technologies';
import { wantsText } from '../../electron/git/read';
import { README_MIN_WORDS } from '../../shared/schemas/repos';

const names = (files: string[], texts: Record<string, string> = {}, tools: string[] = []) =>
  technologiesIn(files, new Map(Object.entries(texts)), tools).map(
    (t) => `${t.name}${t.inTools ? '*' : ''} ${t.evidence}`,
  );

describe('technologiesIn', () => {
  it('reads dependency lists in their usual shapes', () => {
    expect(
      names(['requirements-dev.txt'], {
        'requirements-dev.txt': 'mlflow[extras]>=2\n# torch\nevidently ; python_version>"3"\n',
      }),
    ).toEqual(['Evidently requirements-dev.txt', 'MLflow requirements-dev.txt', 'Python requirements-dev.txt']);
    expect(
      names(['pyproject.toml'], {
        'pyproject.toml':
          '[project]\ndependencies = ["apache-airflow==2.9", "redis"]\n[tool.poetry.dependencies]\nfeast = "^0.36"\n',
      }),
    ).toEqual([
      'Apache Airflow pyproject.toml',
      'Feast pyproject.toml',
      'Python pyproject.toml',
      'Redis pyproject.toml',
    ]);
    // A name inside another is not it: "torchvision" is not torch, "flask-cors" is not Flask.
    expect(names(['requirements.txt'], { 'requirements.txt': 'torchvision\nnot-flask\n' })).toEqual([
      'Python requirements.txt',
    ]);
  });

  it('knows Docker, Kubernetes, MLflow, DVC, GitHub Actions and more by their files', () => {
    const files = [
      '.dvc/',
      '.github/workflows/ci.yml',
      'Dockerfile.serving',
      'MLproject',
      'charts/api/Chart.yaml',
      'deploy/service.yaml',
      'docker-compose.yml',
      'grafana/dashboards/api.json',
      'infra/main.tf',
      'model.onnx',
      'notebooks/explore.ipynb',
    ];
    const texts = {
      'Dockerfile.serving': 'FROM tensorflow/serving:2.15\n',
      'deploy/service.yaml': 'apiVersion: v1\nkind: Service\n',
      '.github/workflows/ci.yml': 'on: push\n',
    };
    expect(names(files, texts, ['TensorFlow Serving', 'Kubernetes'])).toEqual([
      'TensorFlow Serving* Dockerfile.serving',
      'Kubernetes* charts/api/Chart.yaml',
      'Docker Dockerfile.serving',
      'DVC .dvc/',
      'GitHub Actions .github/workflows/ci.yml',
      'Grafana grafana/dashboards/api.json',
      'Helm charts/api/Chart.yaml',
      'Jupyter notebooks/explore.ipynb',
      'MLflow MLproject',
      'ONNX model.onnx',
      'Terraform infra/main.tf',
    ]);
    // YAML that is not a Kubernetes manifest is not one.
    expect(names(['config.yaml'], { 'config.yaml': 'kind: Deployment\n' })).toEqual([]);
  });

  it("uses the curriculum's spelling of the item's tools", () => {
    expect(
      names(['requirements.txt'], { 'requirements.txt': 'sklearn\npyspark\nboto3\n' }, [
        'Scikit-learn',
        'Apache Spark Streaming',
        'AWS/GCP',
      ]),
    ).toEqual([
      'Scikit-learn* requirements.txt',
      'Apache Spark Streaming* requirements.txt',
      'AWS* requirements.txt',
      'Python requirements.txt',
    ]);
  });
});

describe('proposeTechnologies', () => {
  it('adds what is missing, compared loosely, within the field length', () => {
    const found = [{ name: 'Docker' }, { name: 'scikit learn' }, { name: 'Kubernetes' }, { name: 'GitHub Actions' }];
    expect(proposeTechnologies('Docker, Scikit-learn', found, 300)).toEqual({
      add: ['Kubernetes', 'GitHub Actions'],
      value: 'Docker, Scikit-learn, Kubernetes, GitHub Actions',
    });
    expect(proposeTechnologies('', [{ name: 'Docker' }], 300)).toEqual({ add: ['Docker'], value: 'Docker' });
    expect(proposeTechnologies('Docker, Kubernetes, Scikit-learn, GitHub Actions', found, 300)).toBeNull();
    expect(proposeTechnologies('x'.repeat(297), [{ name: 'Kubernetes' }, { name: 'DVC' }], 300)).toBeNull();
  });
});

describe('readmeIn', () => {
  it('counts a README at the top with enough words to document something', () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
    expect(readmeIn(new Map([['README.md', words(README_MIN_WORDS)]]))).toEqual({
      path: 'README.md',
      words: README_MIN_WORDS,
    });
    expect(readmeIn(new Map([['README.md', `# Title\n\n${words(README_MIN_WORDS - 2)} ---`]]))).toBeNull();
    expect(readmeIn(new Map([['docs/README.md', words(100)]]))).toBeNull();
    expect(readmeIn(new Map([['readme.rst', words(100)]]))).toMatchObject({ path: 'readme.rst' });
  });

  it('is among the texts the reader fetches', () => {
    expect(wantsText('README.md')).toBe(true);
    expect(wantsText('docs/README.md')).toBe(false);
    expect(wantsText('k8s/deployment.yaml')).toBe(true);
    expect(wantsText('app/main.py')).toBe(false);
  });
});

describe('remotes', () => {
  it('gives the web page of the usual remote addresses', () => {
    expect(webUrlOfRemote('git@github.com:alex/churn-api.git')).toBe('https://github.com/alex/churn-api');
    expect(webUrlOfRemote('ssh://git@gitlab.com:2222/group/sub/repo.git')).toBe('https://gitlab.com/group/sub/repo');
    expect(webUrlOfRemote('https://x:ghp_token@github.com/alex/churn-api.git/')).toBe(
      'https://github.com/alex/churn-api',
    );
    expect(webUrlOfRemote('/srv/git/churn-api.git')).toBeNull();
    expect(webUrlOfRemote('file:///srv/git/churn-api.git')).toBeNull();
    expect(webUrlOfRemote('https://github.com/')).toBeNull();
  });

  it('never shows a user name or token', () => {
    expect(displayRemote('https://x:ghp_token@github.com/alex/api.git')).toBe('https://github.com/alex/api.git');
    expect(displayRemote('git@github.com:alex/api.git')).toBe('git@github.com:alex/api.git');
  });
});
