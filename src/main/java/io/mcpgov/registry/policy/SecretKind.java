package io.mcpgov.registry.policy;

/**
 * What a detected credential looks like. The id and the description go into messages and the governance view; the
 * value never does.
 */
public enum SecretKind {
    GITHUB_TOKEN("github-token", "a GitHub personal access token or app token"),
    GITHUB_FINE_GRAINED_TOKEN("github-fine-grained-token", "a GitHub fine-grained personal access token"),
    OPENAI_KEY("openai-key", "an OpenAI API key"),
    ANTHROPIC_KEY("anthropic-key", "an Anthropic API key"),
    STRIPE_KEY("stripe-key", "a Stripe secret or restricted key"),
    SLACK_TOKEN("slack-token", "a Slack token"),
    AWS_ACCESS_KEY_ID("aws-access-key-id", "an AWS access key id"),
    AWS_SECRET_ACCESS_KEY("aws-secret-access-key", "an AWS secret access key"),
    GOOGLE_API_KEY("google-api-key", "a Google API key"),
    GITLAB_TOKEN("gitlab-token", "a GitLab personal access token"),
    NPM_TOKEN("npm-token", "an npm access token"),
    JWT("jwt", "a JSON Web Token"),
    PRIVATE_KEY("private-key", "a PEM private key"),
    BASIC_CREDENTIALS("basic-credentials", "HTTP Basic credentials (user and password)"),
    URL_PASSWORD("url-password", "a password in the URL's user-info"),
    CREDENTIAL_VALUE("credential-value", "a credential (a value in a field named or declared as one)"),
    HIGH_ENTROPY("high-entropy", "a random secret (a long high-entropy string)");

    private final String id;
    private final String description;

    SecretKind(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** Stable kebab-case id, as stored with a finding and shown in the governance view. */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }
}
