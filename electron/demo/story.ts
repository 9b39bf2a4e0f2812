// The demo learner's story: who Alex is, what they work on and how each item goes, what they write
// in their notes and portfolio, how they score themselves. Only prose and plain data: the generator
// that turns it into a logbook (days, sessions, times) is demo-learner.ts.
import type { AssessmentScores } from '../../shared/schemas/assessment';
import type { PortfolioFieldKey, PortfolioLinkKey } from '../../shared/curriculum';

export const DEMO_LEARNER_NAME = 'Alex Rivera';
/** The plan started this many days before today: about four months (18 weeks). */
export const DEMO_PLAN_DAYS = 126;

export type Outcome = 'inside' | 'under' | 'over' | 'skipped' | 'in_progress';

/** Phase 1 and the start of Phase 2, in the order Alex works through them. */
export const PLAN: readonly { itemId: string; outcome: Outcome }[] = [
  { itemId: '1.1', outcome: 'inside' },
  { itemId: '1.2', outcome: 'inside' },
  { itemId: '1.3', outcome: 'under' },
  { itemId: '2.1', outcome: 'inside' },
  { itemId: '2.2', outcome: 'over' },
  { itemId: '2.3', outcome: 'over' },
  { itemId: '3.1', outcome: 'inside' },
  { itemId: '3.2', outcome: 'skipped' },
  { itemId: '3.3', outcome: 'inside' },
  { itemId: '4.1', outcome: 'inside' },
  { itemId: '4.2', outcome: 'over' },
  { itemId: '4.3', outcome: 'in_progress' },
  { itemId: '5.1', outcome: 'in_progress' },
];

export const ENTRY_NOTES: Record<string, readonly string[]> = {
  '1.1': [
    'Iris data loaded, first look with pairplot',
    'Decision tree vs. logistic regression',
    'Wrote up the accuracy comparison',
  ],
  '1.2': [
    'Cleaned the housing data, a few outliers',
    'Linear vs. ridge: RMSE barely moves',
    'Residual plots look fine now',
  ],
  '1.3': ['Streamlit basics', 'Filters and a map on the dashboard'],
  '2.1': [
    'ColumnTransformer finally makes sense',
    'GridSearchCV over the pipeline',
    'Pickled the pipeline and reloaded it',
  ],
  '2.2': [
    'Backprop by hand: the gradients are off',
    'Found it: forgot to average the loss over the batch',
    'MNIST at 92% with plain NumPy',
    'Vectorised the forward pass',
  ],
  '2.3': [
    'Transfer learning with ResNet18',
    'Augmentation helps a lot on the small set',
    'GPU out of memory, smaller batches',
    'Confusion matrix: cats vs. foxes',
  ],
  '3.1': ['MLflow server running locally', 'Logged params and metrics for 12 runs'],
  '3.2': ['Read through the feature-store chapter first'],
  '3.3': ['Stratified k-fold and a learning curve', 'Validation report as HTML'],
  '4.1': [
    'FastAPI skeleton with a /predict route',
    'Pydantic models for the request',
    'Dockerfile builds, image is 1.2 GB',
    'Slimmed the image down to 380 MB',
    'Load test with locust',
  ],
  '4.2': [
    'Airflow in Docker Compose',
    'First DAG runs end to end',
    'Retries and alerting on failure',
    'Backfill for last month works',
  ],
  '4.3': ['Kafka up locally', 'Consumer reads the feature stream', 'Latency p95 at 40 ms'],
  '5.1': ['Sketched the pipeline stages'],
};

export const GENERIC_NOTES = [
  'Mostly reading docs',
  'Slow evening, tired',
  'Good focus today',
  'Refactoring',
  'Pair session with a friend',
];

export const ITEM_NOTES: Record<string, string> = {
  '1.1':
    'Decision tree reached 0.97 accuracy on the test split. Logistic regression 0.95.\nLesson: always look at the data before fitting.',
  '2.2':
    'Took much longer than planned: two evenings lost to a bug in the gradient of the softmax.\nWorth it, backprop finally clicked.',
  '2.3': 'Over the estimate again. Training on a laptop CPU is slow; moved to a free Colab GPU halfway through.',
  '3.2': 'Skipped for now: covered most of it in 2.1 and 3.3. Might come back to it before Phase 3.',
  '4.2': 'Airflow took a while to set up in Docker. The DAG itself was the easy part.',
  '4.3': 'Plan: Kafka -> consumer -> model -> response under 100 ms.\nTODO: add a load test.',
};

/** How many of an in-progress item's list entries Alex has ticked. */
export const IN_PROGRESS_TICKS: Record<string, number> = { '4.3': 2, '5.1': 1, '3.2': 1 };

// --- the portfolio ----------------------------------------------------------------------------

export type DemoPortfolio = {
  fields: Partial<Record<PortfolioFieldKey, string>>;
  links: Partial<Record<PortfolioLinkKey, string>>;
};

/**
 * Alex's portfolio entries, written up after each item was done. The duration is left as the app
 * pre-fills it from the logbook. Only 4.1 and 4.2 link documentation, so the "GitHub portfolio with
 * clear documentation" milestone (3 needed) still says "Not yet".
 */
export const DEMO_PORTFOLIO: Readonly<Record<'2.3' | '3.1' | '4.1' | '4.2', DemoPortfolio>> = {
  '2.3': {
    fields: {
      projectTitle: 'CIFAR-10 Image Classifier: from a Small CNN to Transfer Learning',
      technologiesUsed: 'Python, PyTorch, torchvision, Google Colab (GPU), Matplotlib',
      problemStatement:
        'Classify the 60,000 small 32×32 images of CIFAR-10 into its ten classes, and understand what actually moves the accuracy. The exercise compares a CNN trained from scratch with a pretrained network fine-tuned on the same data.',
      solutionArchitecture:
        'A three-block CNN (convolution, batch norm, max pooling) trained from scratch is the baseline. Random crops and horizontal flips were added as augmentation. A ResNet18 pretrained on ImageNet was then fine-tuned with a new ten-class head, on images upsampled to 224 pixels.',
      keyChallenges:
        'Training on a laptop CPU took over an hour per epoch, so training moved to a free Colab GPU halfway through. The ResNet18 run ran out of GPU memory at batch size 256; batch size 64 with mixed precision fixed it without costing accuracy.',
      resultsImpact:
        'The baseline CNN reached 74% test accuracy, 81% with augmentation, and the fine-tuned ResNet18 93%. The confusion matrix shows that most remaining errors are cats taken for dogs and trucks taken for automobiles.',
      lessonsLearned:
        'Augmentation was the cheapest big win, and transfer learning beat every architecture tweak I tried. Fixing random seeds and logging every run would have saved hours of comparing results afterwards, which is what Exercise 3.1 is about.',
      futureImprovements:
        'Track the runs in MLflow and export the best model to ONNX for a lighter serving image. Try a smaller pretrained network such as MobileNetV3 to see how much accuracy a faster model gives up.',
    },
    links: {
      githubRepository: 'https://github.com/alex-rivera/cifar10-classifier',
      liveDemo: 'https://huggingface.co/spaces/alex-rivera/cifar10-classifier',
    },
  },
  '3.1': {
    fields: {
      projectTitle: 'Experiment Tracking with MLflow',
      technologiesUsed: 'MLflow, scikit-learn, SQLite, Docker, Git',
      problemStatement:
        'Earlier exercises left results scattered across notebooks and files named model_final_v3.pkl. The aim was to make every training run reproducible and comparable: parameters, metrics, code version and model in one place.',
      solutionArchitecture:
        'A local MLflow tracking server runs in Docker with a SQLite backend store and a local artifact folder. The housing regression pipeline from Exercise 1.2 logs through mlflow.autolog plus a few custom metrics, and the best run is registered in the model registry as "housing-price".',
      keyChallenges:
        'Autologging nested grid searches produced hundreds of flat runs that made the UI unreadable; one parent run with a child run per parameter set fixed it. Runs started from uncommitted code could not be reproduced, so the training script now refuses to run from a dirty Git tree.',
      resultsImpact:
        '12 runs across three model families are logged and can be compared side by side. The best model (gradient boosting, RMSE 0.47) is registered with its parameters, data hash and Git commit, and reloads with one line.',
      lessonsLearned:
        'Tracking only works when it costs nothing, so it has to live in the training script rather than in notes. Tagging a run with the dataset version matters as much as tagging it with the code version.',
      futureImprovements:
        'Move the backend store to PostgreSQL and the artifacts to cloud storage so the server can be shared. Use the registry stages to drive deployment in the CI/CD project (5.2).',
    },
    links: { githubRepository: 'https://github.com/alex-rivera/mlflow-experiment-tracking' },
  },
  '4.1': {
    fields: {
      projectTitle: 'Churn Prediction API with FastAPI and Docker',
      technologiesUsed: 'Python, FastAPI, Pydantic, scikit-learn, Docker, Google Cloud Run, Locust',
      problemStatement:
        'The churn model from Phase 1 lived in a notebook, so nobody else could get a prediction from it. The goal was a REST service that scores one customer in well under a second, refuses malformed requests with a clear error, and can be redeployed in minutes.',
      solutionArchitecture:
        'A FastAPI app loads the scikit-learn pipeline once at start-up and serves /predict, /health and /model-info, with Pydantic models validating every request. It runs as a multi-stage Docker image on Google Cloud Run, logs structured JSON to Cloud Logging, and its OpenAPI docs are generated from the same models.',
      keyChallenges:
        'The first image was 1.2 GB because it carried the whole build toolchain; a multi-stage build on python:3.11-slim brought it down to 380 MB and cut cold starts from 9 to about 3 seconds. Loading the model on every request made latency spike under load, so it moved into the app’s lifespan hook.',
      resultsImpact:
        'A Locust test with 50 concurrent users held a p95 latency of 85 ms at about 120 requests per second on one Cloud Run instance. Invalid payloads get a 422 that names the field, and the health check lets Cloud Run replace a broken container on its own.',
      lessonsLearned:
        'Validation belongs at the edge: Pydantic caught three mismatches between the training schema and real requests that the model would have scored silently. Image size turned out to be a latency problem, not just a storage one.',
      futureImprovements:
        'Log requests and predictions to BigQuery so drift can be monitored in Month 6. Return the model version with every prediction and serve two versions side by side for A/B tests.',
    },
    links: {
      githubRepository: 'https://github.com/alex-rivera/churn-prediction-api',
      liveDemo: 'https://churn-api-4kq2x7lmda-ew.a.run.app/docs',
      documentation: 'https://alex-rivera.github.io/churn-prediction-api/',
    },
  },
  '4.2': {
    fields: {
      projectTitle: 'Nightly Batch Scoring with PySpark and Airflow',
      technologiesUsed: 'PySpark, Apache Airflow, Docker Compose, Google Cloud Storage, Parquet, MLflow',
      problemStatement:
        'Scoring the whole customer base one request at a time through the API would take hours and cost far more than it needs to. The CRM team needs fresh churn scores for about 2 million customers every morning, somewhere they can read them.',
      solutionArchitecture:
        'An Airflow DAG runs every night at 02:00: it waits for the day’s export to land in Cloud Storage, then submits a PySpark job that loads the model from MLflow as a pandas UDF and scores the data in parallel partitions. Results are written back as date-partitioned Parquet, with a small summary of row counts and the score distribution for monitoring.',
      keyChallenges:
        'Getting Airflow, Spark and the model’s Python dependencies to agree inside Docker Compose took most of the first week. One skewed region made a single task run ten times longer than the others, fixed by repartitioning on a hashed customer id. Failed runs retry twice and then post an alert to a Slack webhook.',
      resultsImpact:
        'A full run over 2 million rows takes 14 minutes on a 4-worker local cluster, against an estimated 5 hours through the API. A backfill of the previous 30 days ran unattended in one go, and every output partition records the model version that produced it.',
      lessonsLearned:
        'Idempotent tasks make everything else easy: each run overwrites exactly one date partition, so retries and backfills are safe. Docker Compose is fine for learning Airflow, but its setup cost is real and worth planning for.',
      futureImprovements:
        'Move the Spark job to Dataproc Serverless so it scales with the data instead of the laptop. Add data-quality checks with Great Expectations before scoring, and feed the summary metrics into the monitoring dashboard of Project 6.1.',
    },
    links: {
      githubRepository: 'https://github.com/alex-rivera/batch-scoring-pipeline',
      documentation: 'https://alex-rivera.github.io/batch-scoring-pipeline/',
    },
  },
};

const scores = (
  technical: number[],
  mlops: number[],
  innovation: number[],
  communication: number[],
): AssessmentScores => ({
  technical,
  mlops,
  innovation,
  communication,
});

/** Two self-assessments per done project: right after finishing it, and again some days later. */
export const DEMO_ASSESSMENTS: Readonly<Record<'4.1' | '4.2', readonly [AssessmentScores, AssessmentScores]>> = {
  '4.1': [
    scores([3, 3, 3, 2, 2], [2, 2, 4, 2, 3], [3, 3, 3, 3, 2], [3, 2, 3, 3, 2]),
    scores([4, 4, 4, 4, 3], [3, 3, 4, 3, 4], [3, 4, 4, 3, 3], [4, 3, 4, 4, 3]),
  ],
  '4.2': [
    scores([3, 3, 3, 3, 2], [3, 3, 4, 2, 3], [3, 3, 4, 3, 3], [3, 2, 3, 3, 2]),
    scores([4, 4, 4, 4, 3], [4, 4, 4, 3, 4], [4, 3, 4, 3, 4], [4, 3, 4, 4, 4]),
  ],
};

/** Milestones Alex ticks by hand once Phase 1 is done ("Understanding of ML algorithms" stays open). */
export const DEMO_MANUAL_MILESTONES = ['phase1.2', 'phase1.4', 'phase1.5'] as const;
