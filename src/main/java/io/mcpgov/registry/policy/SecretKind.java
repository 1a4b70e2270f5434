package io.mcpgov.registry.policy;

/** What a detected credential looks like; the description goes into messages, the value never does. */
public enum SecretKind {
    GITHUB_TOKEN("a GitHub personal access token or app token"),
    GITHUB_FINE_GRAINED_TOKEN("a GitHub fine-grained personal access token"),
    OPENAI_STYLE_KEY("an OpenAI or Anthropic style API key"),
    STRIPE_KEY("a Stripe secret or restricted key"),
    SLACK_TOKEN("a Slack token"),
    AWS_ACCESS_KEY_ID("an AWS access key id"),
    GOOGLE_API_KEY("a Google API key"),
    GITLAB_TOKEN("a GitLab personal access token"),
    NPM_TOKEN("an npm access token"),
    JWT("a JSON Web Token"),
    PRIVATE_KEY("a PEM private key"),
    BASIC_CREDENTIALS("HTTP Basic credentials (user and password)"),
    URL_PASSWORD("a password in the URL's user-info"),
    HIGH_ENTROPY("a random secret (a long high-entropy string)");

    private final String description;

    SecretKind(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
