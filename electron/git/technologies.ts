// What a repository is built with, from the names of its files and the text of a few of them
// (dependency lists, Dockerfiles, YAML), matched against the item's tools in the curriculum; its
// README; and the web address of its remote. Pure: paths and texts in, findings out.
import { README_MIN_WORDS } from '../../shared/schemas/repos';

export interface Technology {
  /** The curriculum's spelling when it is one of the item's tools ("Scikit-learn"), else ours. */
  name: string;
  /** The file that shows it, "requirements.txt" or "k8s/deployment.yaml". */
  evidence: string;
  /** True when the item's tools in the curriculum name it. */
  inTools: boolean;
}

/** Python packages (as a dependency list names them) and the technology each one is. */
const PACKAGES: Record<string, string> = {
  fastapi: 'FastAPI',
  flask: 'Flask',
  'scikit-learn': 'Scikit-learn',
  sklearn: 'Scikit-learn',
  tensorflow: 'TensorFlow',
  'tensorflow-cpu': 'TensorFlow',
  'tensorflow-serving-api': 'TensorFlow Serving',
  torch: 'PyTorch',
  'apache-airflow': 'Apache Airflow',
  pyspark: 'Apache Spark',
  'kafka-python': 'Apache Kafka',
  'confluent-kafka': 'Apache Kafka',
  redis: 'Redis',
  psycopg2: 'PostgreSQL',
  'psycopg2-binary': 'PostgreSQL',
  psycopg: 'PostgreSQL',
  asyncpg: 'PostgreSQL',
  'prometheus-client': 'Prometheus',
  prometheus_client: 'Prometheus',
  evidently: 'Evidently',
  shap: 'SHAP',
  lime: 'LIME',
  feast: 'Feast',
  onnx: 'ONNX',
  onnxruntime: 'ONNX',
  tensorrt: 'TensorRT',
  horovod: 'Horovod',
  streamlit: 'Streamlit',
  plotly: 'Plotly',
  mlflow: 'MLflow',
  dvc: 'DVC',
  jupyter: 'Jupyter',
  jupyterlab: 'Jupyter',
  notebook: 'Jupyter',
  boto3: 'AWS',
  'google-cloud-storage': 'GCP',
  'google-cloud-aiplatform': 'GCP',
  xgboost: 'XGBoost',
  lightgbm: 'LightGBM',
  bentoml: 'BentoML',
  'great-expectations': 'Great Expectations',
};

const DEPENDENCY_FILE =
  /(^|\/)(requirements[^/]*\.txt|pyproject\.toml|setup\.py|setup\.cfg|Pipfile|environment\.ya?ml)$/i;
const KUBERNETES_KIND =
  /^kind:\s*(Deployment|Service|StatefulSet|DaemonSet|Pod|Ingress|Job|CronJob|ConfigMap|HorizontalPodAutoscaler)\s*$/m;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const packagePatterns = Object.entries(PACKAGES).map(
  ([pkg, name]) => [new RegExp(`(^|[\\s"'\\[,=])${escape(pkg)}(?=[\\s"'\\],=<>~!;\\[@]|$)`, 'im'), name] as const,
);

const base = (filePath: string) => filePath.slice(filePath.lastIndexOf('/') + 1);

/** Each technology the files show, once, with the first file that shows it, in the files' order. */
function detect(files: readonly string[], texts: ReadonlyMap<string, string>): { name: string; evidence: string }[] {
  const found = new Map<string, string>();
  const see = (name: string, evidence: string) => {
    if (!found.has(name)) found.set(name, evidence);
  };
  for (const filePath of files) {
    if (filePath.endsWith('/')) {
      const folder = base(filePath.slice(0, -1));
      if (folder === 'mlruns') see('MLflow', filePath);
      else if (folder === '.dvc') see('DVC', filePath);
      continue;
    }
    const name = base(filePath);
    const lower = name.toLowerCase();
    const text = texts.get(filePath) ?? '';
    if (lower.startsWith('dockerfile') || lower.endsWith('.dockerfile')) {
      see('Docker', filePath);
      if (/tensorflow\/serving/i.test(text)) see('TensorFlow Serving', filePath);
    }
    if (/^(docker-)?compose[^/]*\.ya?ml$/.test(lower)) see('Docker', filePath);
    if (filePath.startsWith('.github/workflows/') && /\.ya?ml$/.test(lower)) see('GitHub Actions', filePath);
    if (lower === 'mlproject') see('MLflow', filePath);
    if (lower === 'dvc.yaml' || lower === 'dvc.lock' || lower.endsWith('.dvc')) see('DVC', filePath);
    if (lower === 'chart.yaml') {
      see('Helm', filePath);
      see('Kubernetes', filePath);
    }
    if (lower === 'kustomization.yaml') see('Kubernetes', filePath);
    if (/\.ya?ml$/.test(lower) && /^apiVersion:/m.test(text) && KUBERNETES_KIND.test(text)) see('Kubernetes', filePath);
    if (lower === 'prometheus.yml' || lower === 'prometheus.yaml') see('Prometheus', filePath);
    if (/(^|\/)grafana\//i.test(filePath)) see('Grafana', filePath);
    if (lower === 'feature_store.yaml') see('Feast', filePath);
    if (lower.endsWith('.ipynb')) see('Jupyter', filePath);
    if (lower.endsWith('.onnx')) see('ONNX', filePath);
    if (lower.endsWith('.tf')) see('Terraform', filePath);
    if (lower.endsWith('.py') || DEPENDENCY_FILE.test(filePath)) see('Python', filePath);
    if (DEPENDENCY_FILE.test(filePath)) {
      const uncommented = text.replace(/#.*$/gm, '');
      for (const [pattern, tech] of packagePatterns) if (pattern.test(uncommented)) see(tech, filePath);
    }
  }
  return [...found].map(([name, evidence]) => ({ name, evidence }));
}

const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The item's tool a technology is, if any: "AWS/GCP" is AWS and GCP; "Apache Spark Streaming" is Apache Spark. */
function toolFor(tools: readonly string[], name: string): string | null {
  const wanted = squash(name);
  for (const tool of tools) {
    const parts = tool.split('/').map(squash);
    if (parts.some((part) => part === wanted || (wanted.length >= 4 && part.startsWith(wanted)))) {
      return parts.length > 1 ? name : tool;
    }
  }
  return null;
}

/**
 * The technologies the repository shows: the item's own tools first, in the curriculum's order and
 * spelling, then the others by name.
 */
export function technologiesIn(
  files: readonly string[],
  texts: ReadonlyMap<string, string>,
  tools: readonly string[],
): Technology[] {
  const found = new Map<string, Technology & { rank: number }>();
  for (const { name, evidence } of detect(files, texts)) {
    const tool = toolFor(tools, name);
    const shown = tool ?? name;
    if (!found.has(shown)) {
      const rank = tool === null ? tools.length : tools.findIndex((t) => t === tool || t.split('/').includes(shown));
      found.set(shown, { name: shown, evidence, inTools: tool !== null, rank: rank < 0 ? tools.length - 0.5 : rank });
    }
  }
  return [...found.values()]
    .sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name, 'en'))
    .map(({ rank: _rank, ...technology }) => technology);
}

/**
 * The portfolio's Technologies Used with what the repository shows added: the names not in it yet
 * (compared loosely: "Scikit-learn" is "scikit learn"), within `maxLength`. Null when nothing is new.
 */
export function proposeTechnologies(
  current: string,
  technologies: readonly Pick<Technology, 'name'>[],
  maxLength: number,
): { add: string[]; value: string } | null {
  const present = current
    .split(/[,;/\n]/)
    .map(squash)
    .filter((s) => s !== '');
  const add: string[] = [];
  let value = current.trim();
  for (const { name } of technologies) {
    if (present.includes(squash(name)) || add.includes(name)) continue;
    const next = value === '' ? name : `${value}, ${name}`;
    if (next.length > maxLength) continue;
    value = next;
    add.push(name);
  }
  return add.length > 0 ? { add, value } : null;
}

/** The README at the repository's top, when it says something: at least README_MIN_WORDS words. */
export function readmeIn(texts: ReadonlyMap<string, string>): { path: string; words: number } | null {
  for (const [filePath, text] of texts) {
    if (filePath.includes('/') || !/^readme(\.(md|markdown|rst|txt))?$/i.test(filePath)) continue;
    const words = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    if (words >= README_MIN_WORDS) return { path: filePath, words };
  }
  return null;
}

/** A remote's address without any user name or token in it, for showing. */
export function displayRemote(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.username || parsed.password) {
      parsed.username = '';
      parsed.password = '';
      return parsed.href;
    }
  } catch {
    // scp-like "git@host:owner/repo.git" or a path: shown as it is
  }
  return url;
}

/**
 * The web page of a remote: "git@github.com:you/repo.git", "ssh://git@github.com/you/repo" and
 * "https://token@github.com/you/repo.git" are all https://github.com/you/repo. Null for a remote
 * that is a folder or has no page.
 */
export function webUrlOfRemote(url: string): string | null {
  const scp = /^[\w.-]+@([\w.-]+):(?!\/)([\w./-]+?)(\.git)?\/?$/.exec(url.trim());
  if (scp) return `https://${scp[1]}/${scp[2]}`;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (!['http:', 'https:', 'ssh:', 'git:', 'git+ssh:'].includes(parsed.protocol) || !parsed.hostname) return null;
  const repoPath = parsed.pathname.replace(/\.git\/?$/, '').replace(/\/+$/, '');
  if (repoPath === '' || repoPath === '/') return null;
  return `https://${parsed.hostname}${repoPath}`;
}
