package nl.steunpunt.buddy.ui.http;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One simulated user of the Vaadin Flow application over real HTTP, without a browser: what the
 * Flow client engine does on the wire, and no more. It signs in through the local form login (the
 * Spring Security CSRF token from the login page's meta tag), opens a route with the bootstrap
 * request ({@code ?v-r=init}), keeps a model of the server's state tree from the UIDL
 * {@code changes} (tags, properties, attributes, text, children) and sends RPCs to
 * {@code ?v-r=uidl}: clicks, property synchronisation with its event, client-callable methods and
 * navigation. Its own cookie jar (the session cookie is {@code Secure}, which the JDK's cookie
 * manager would not send over plain HTTP). Not thread-safe: one thread per simulated user.
 * <p>
 * Every server reply is checked: an HTTP status other than 200, an {@code appError} or
 * {@code sessionExpired} in the UIDL meta, or a reply that is not UIDL is thrown as
 * {@link VaadinProtocolException}. Notifications the server opened are kept per round trip
 * ({@link #notifications()}) so that a caller can tell a translated message from an unexpected error.
 */
public final class VaadinHttpSession {

    /** Feature ids of the state tree (flow-server {@code NodeFeatures}). */
    static final int ELEMENT_DATA = 0;
    static final int ELEMENT_PROPERTIES = 1;
    static final int ELEMENT_CHILDREN = 2;
    static final int ELEMENT_ATTRIBUTES = 3;
    static final int ELEMENT_LISTENERS = 4;
    static final int TEXT_NODE = 7;
    static final int VIRTUAL_CHILDREN = 24;
    /** How the server encodes an element parameter of a JavaScript invocation: {@code [0, nodeId]}. */
    static final int NODE_REFERENCE = 0;
    /** An array parameter is wrapped as {@code [1, array]} (flow-server {@code JsonCodec.ARRAY_TYPE}). */
    static final int ARRAY_VALUE = 1;
    /** A return channel parameter: {@code [2, nodeId, channelId]} (flow-server {@code JsonCodec.RETURN_CHANNEL_TYPE}). */
    static final int RETURN_CHANNEL = 2;
    /** The UI's own node; navigation events go to it. */
    static final int ROOT_NODE = 1;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern CSRF_PARAMETER_META = Pattern.compile("<meta name=\"_csrf_parameter\" content=\"([^\"]+)\"");
    private static final String UIDL_PREFIX = "for(;;);";

    private final HttpClient http;
    private final URI base;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final Map<Integer, Node> nodes = new HashMap<>();
    private final List<ObjectNode> pending = new ArrayList<>();
    private final List<Notice> notices = new ArrayList<>();
    /** Shared JSON values (event data expressions of listeners) the server sends once and refers to by hash. */
    private final Map<String, JsonNode> constants = new HashMap<>();
    /** Per grid node: the rows its connector holds, by index, as the data communicator sent them. */
    private final Map<Integer, java.util.TreeMap<Integer, JsonNode>> gridRows = new HashMap<>();
    /** The LitRenderers the server installed, by their property namespace ({@code lr_<renderer>_}). */
    private final Map<String, LitRendererChannel> litRenderers = new LinkedHashMap<>();
    private int uiId = -1;
    private String csrfToken;
    private int syncId = -1;
    private int clientId;
    private long lastExchangeNanos = -1;

    /**
     * @param http a client that may be shared by many sessions (this class keeps the cookies itself);
     *            it must not follow redirects
     * @param base the application's root, e.g. {@code http://localhost:8080/}
     */
    public VaadinHttpSession(HttpClient http, URI base) {
        this.http = http;
        this.base = base;
    }

    /** A client for many simulated users: HTTP/1.1, no redirects followed, short connect time-out. */
    public static HttpClient sharedClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** A notification the server opened: its theme ({@code error}, {@code success}) and its text. */
    public record Notice(String theme, String text) {
        public boolean isError() {
            return theme != null && theme.contains("error");
        }
    }

    /** What the driver knows of one node of the server's state tree. */
    public static final class Node {
        final int id;
        String tag;
        String text;
        final Map<String, JsonNode> properties = new HashMap<>();
        final Map<String, JsonNode> attributes = new HashMap<>();
        final Map<String, JsonNode> listeners = new HashMap<>();
        final List<Integer> children = new ArrayList<>();
        final List<Integer> virtualChildren = new ArrayList<>();

        Node(int id) {
            this.id = id;
        }

        public int id() {
            return id;
        }

        public String tag() {
            return tag;
        }

        public Optional<String> property(String name) {
            return Optional.ofNullable(properties.get(name)).filter(v -> !v.isNull()).map(JsonNode::asText);
        }

        public Optional<String> attribute(String name) {
            return Optional.ofNullable(attributes.get(name)).filter(v -> !v.isNull()).map(JsonNode::asText);
        }

        /** The element id, from the {@code id} attribute (what {@code Component.setId} sets). */
        public Optional<String> elementId() {
            return attribute("id").or(() -> property("id"));
        }

        @Override
        public String toString() {
            return "<" + tag + elementId().map(i -> " id=" + i).orElse("") + "> #" + id;
        }
    }

    // ---- HTTP: sign-in and bootstrap

    /**
     * Signs in through the local form login: the login page for the CSRF token, then the form post.
     *
     * @return whether the server accepted the credentials (redirect not back to {@code login?error})
     */
    public boolean signIn(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> page = send(HttpRequest.newBuilder(base.resolve("login")).header("Accept", "text/html").GET());
        expectOk(page, "login page");
        String token = find(CSRF_META, page.body(), "CSRF token on the login page");
        String parameter = CSRF_PARAMETER_META.matcher(page.body()).results().findFirst().map(m -> m.group(1)).orElse("_csrf");
        String form = "username=" + encode(username) + "&password=" + encode(password) + "&" + encode(parameter) + "=" + encode(token);
        HttpResponse<String> result = send(HttpRequest.newBuilder(base.resolve("login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        if (result.statusCode() != 302) {
            throw new VaadinProtocolException("sign-in answered HTTP " + result.statusCode());
        }
        String location = result.headers().firstValue("Location").orElse("");
        return !location.contains("error");
    }

    /**
     * Opens a route in a new UI of this session, as a browser tab does: the bootstrap request with
     * the location, whose answer carries the UI id, the security key and the initial state tree.
     */
    public VaadinHttpSession open(String route) throws IOException, InterruptedException {
        nodes.clear();
        constants.clear();
        pending.clear();
        notices.clear();
        syncId = -1;
        clientId = 0;
        URI init = base.resolve("?v-r=init&location=" + encode(route) + "&query=");
        HttpResponse<String> response = send(HttpRequest.newBuilder(init).header("Accept", "application/json").GET());
        expectOk(response, "bootstrap of " + route);
        JsonNode initial = parse(stripPrefix(response.body()));
        JsonNode config = initial.path("appConfig");
        JsonNode uidl = config.path("uidl");
        if (uidl.isTextual()) {
            uidl = parse(uidl.asText());
        }
        if (!config.has("v-uiId") || uidl.isMissingNode()) {
            throw new VaadinProtocolException("bootstrap of " + route + " without a UI: " + abbreviate(response.body()));
        }
        uiId = config.get("v-uiId").asInt();
        apply(uidl);
        if (csrfToken == null) {
            throw new VaadinProtocolException("bootstrap of " + route + " without Vaadin-Security-Key");
        }
        return send(navigation(route, NullNode.getInstance(), ""));
    }

    // ---- RPCs

    /** A click on the element with this id. */
    public VaadinHttpSession click(String elementId) throws IOException, InterruptedException {
        return click(require(elementId));
    }

    public VaadinHttpSession click(Node node) throws IOException, InterruptedException {
        return send(event(node.id, "click", JsonNodeFactory.instance.objectNode()));
    }

    /**
     * What a field does when the user changes it: the property synchronised ({@code mSync}) and the
     * event the server listens to for that property, in one message.
     */
    public VaadinHttpSession setProperty(String elementId, String property, Object value) throws IOException, InterruptedException {
        Node node = require(elementId);
        String event = syncEvent(node, property);
        ObjectNode sync = JsonNodeFactory.instance.objectNode();
        sync.put("type", "mSync");
        sync.put("node", node.id);
        sync.put("feature", ELEMENT_PROPERTIES);
        sync.put("property", property);
        sync.set("value", JSON.valueToTree(value));
        return send(sync, event(node.id, event, JsonNodeFactory.instance.objectNode()));
    }

    /** A {@code @ClientCallable} method of the component of this element (what {@code element.$server.m(…)} does). */
    public VaadinHttpSession call(Node node, String method, Object... arguments) throws IOException, InterruptedException {
        return send(publishedCall(node.id, method, arguments));
    }

    /** Client-side navigation to a route within the open UI (a router link, the back button). */
    public VaadinHttpSession navigate(String route) throws IOException, InterruptedException {
        return send(navigation(route, JsonNodeFactory.instance.objectNode().put("idx", clientId), "link"));
    }

    /** What the client's router sends for a route: on page load (after the bootstrap) and for every link. */
    private static ObjectNode navigation(String route, JsonNode historyState, String trigger) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("route", route);
        data.put("query", "");
        data.put("appShellTitle", "");
        data.set("historyState", historyState);
        data.put("trigger", trigger);
        return event(ROOT_NODE, "ui-navigate", data);
    }

    /**
     * A row of a grid as its connector holds it: the row's key, and the values its LitRenderers get
     * ({@code item.<name>} in their templates).
     */
    public record GridRow(int index, JsonNode item) {
        public String key() {
            return item.path("key").asText();
        }

        /** The value a LitRenderer's template reads as {@code item.<name>}, in whichever column it is. */
        public Optional<String> value(String name) {
            java.util.Iterator<Map.Entry<String, JsonNode>> fields = item.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().startsWith("lr_") && field.getKey().endsWith("_" + name)) {
                    return Optional.of(field.getValue().asText());
                }
            }
            return Optional.empty();
        }

        public boolean is(String name) {
            return value(name).map(Boolean::parseBoolean).orElse(false);
        }
    }

    private record LitRendererChannel(String namespace, int node, int channel, List<String> functions) {
    }

    /** Whether the row carries values of this renderer (its properties start with the renderer's namespace). */
    private static boolean draws(LitRendererChannel renderer, GridRow row) {
        java.util.Iterator<String> names = row.item().fieldNames();
        while (names.hasNext()) {
            if (names.next().startsWith(renderer.namespace())) {
                return true;
            }
        }
        return false;
    }

    /** The rows the grid with this element id has received, in order. */
    public List<GridRow> rows(String gridElementId) {
        java.util.TreeMap<Integer, JsonNode> rows = gridRows.getOrDefault(require(gridElementId).id, new java.util.TreeMap<>());
        return rows.entrySet().stream().map(e -> new GridRow(e.getKey(), e.getValue())).toList();
    }

    /** The row of that grid whose LitRenderer value {@code name} is {@code value} (e.g. a task's id). */
    public Optional<GridRow> row(String gridElementId, String name, String value) {
        return rows(gridElementId).stream().filter(row -> row.value(name).filter(value::equals).isPresent()).findFirst();
    }

    /**
     * A click on an element of a LitRenderer's template in this row, bound as {@code @click="${function}"}: the
     * browser calls the renderer's return channel with the function's name and the row's key.
     */
    public VaadinHttpSession callRenderer(GridRow row, String function) throws IOException, InterruptedException {
        LitRendererChannel renderer = litRenderers.values().stream()
                .filter(r -> r.functions().contains(function) && draws(r, row))
                .findFirst().orElseThrow(() -> new VaadinProtocolException("no LitRenderer with a function '" + function
                        + "' draws row " + row.item() + " (renderers " + litRenderers.keySet() + ")"));
        ObjectNode rpc = JsonNodeFactory.instance.objectNode();
        rpc.put("type", "channel");
        rpc.put("node", renderer.node());
        rpc.put("channel", renderer.channel());
        ArrayNode args = rpc.putArray("args");
        args.add(function);
        args.add(row.key());
        args.addArray();
        return send(rpc);
    }

    /** A round trip that asks nothing of the server (what a heartbeat-like empty message costs). */
    public VaadinHttpSession noop() throws IOException, InterruptedException {
        return send();
    }

    // ---- the state tree

    public Optional<Node> byId(String elementId) {
        return nodes.values().stream().filter(n -> n.elementId().filter(elementId::equals).isPresent()).findFirst();
    }

    public Node require(String elementId) {
        return byId(elementId).orElseThrow(() -> new VaadinProtocolException("no element with id '" + elementId + "' on the page"));
    }

    public List<Node> all(Predicate<Node> filter) {
        return nodes.values().stream().filter(filter).toList();
    }

    public List<Node> byTag(String tag) {
        return all(n -> tag.equals(n.tag));
    }

    /** The text content of a node and its descendants, as the browser would render it. */
    public String text(Node node) {
        StringBuilder out = new StringBuilder();
        collectText(node, out);
        return out.toString();
    }

    public String text(String elementId) {
        return text(require(elementId));
    }

    /** The whole page's text (for assertions on what the user sees). */
    public String pageText() {
        Node root = nodes.get(ROOT_NODE);
        return root == null ? "" : text(root);
    }

    /** The notifications the server opened in the last round trip. */
    public List<Notice> notifications() {
        return List.copyOf(notices);
    }

    public int nodeCount() {
        return nodes.size();
    }

    public int uiId() {
        return uiId;
    }

    /**
     * How long the last UIDL message took on the wire and on the server: from sending the request to having the
     * whole answer, without building the message before nor reading the answer into this model after.
     */
    public long lastExchangeNanos() {
        if (lastExchangeNanos < 0) {
            throw new IllegalStateException("no UIDL message sent yet");
        }
        return lastExchangeNanos;
    }

    // ---- protocol

    private VaadinHttpSession send(ObjectNode... rpcs) throws IOException, InterruptedException {
        if (uiId < 0) {
            throw new IllegalStateException("open a route first");
        }
        ObjectNode message = JsonNodeFactory.instance.objectNode();
        message.put("csrfToken", csrfToken);
        ArrayNode rpc = message.putArray("rpc");
        pending.forEach(rpc::add);
        pending.clear();
        for (ObjectNode invocation : rpcs) {
            rpc.add(invocation);
        }
        message.put("syncId", syncId);
        message.put("clientId", clientId++);
        if (DUMP != null) {
            java.nio.file.Files.writeString(java.nio.file.Path.of(DUMP), "### RPC " + message + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("?v-r=uidl&v-uiId=" + uiId))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(message.toString()));
        long sent = System.nanoTime();
        HttpResponse<String> response = send(request);
        lastExchangeNanos = System.nanoTime() - sent;
        expectOk(response, "UIDL request");
        String body = response.body();
        if (!body.startsWith(UIDL_PREFIX)) {
            throw new VaadinProtocolException("not a UIDL answer: " + abbreviate(body));
        }
        JsonNode answer = parse(stripPrefix(body));
        apply(answer.isArray() ? answer.get(0) : answer);
        return this;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        if (!cookies.isEmpty()) {
            request.header("Cookie", String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
        }
        request.header("Accept-Language", "nl").timeout(Duration.ofSeconds(60));
        HttpRequest built = request.build();
        HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (DUMP != null) {
            dump(built, response);
        }
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return response;
    }

    /** With {@code -Dbuddy.http.dump=<file>} every exchange is appended to that file (for studying the protocol). */
    private static final String DUMP = System.getProperty("buddy.http.dump");

    private static synchronized void dump(HttpRequest request, HttpResponse<String> response) throws IOException {
        String entry = "### " + request.method() + " " + request.uri() + "\n" + request.bodyPublisher().map(b -> "(body)").orElse("")
                + "\n--> " + response.statusCode() + " " + response.headers().map() + "\n" + response.body() + "\n\n";
        java.nio.file.Files.writeString(java.nio.file.Path.of(DUMP), entry, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }

    private void apply(JsonNode uidl) {
        notices.clear();
        JsonNode meta = uidl.path("meta");
        if (meta.has("appError")) {
            throw new VaadinProtocolException("application error: " + meta.get("appError"));
        }
        if (meta.path("sessionExpired").asBoolean(false)) {
            throw new VaadinProtocolException("session expired");
        }
        if (uidl.has("Vaadin-Security-Key")) {
            csrfToken = uidl.get("Vaadin-Security-Key").asText();
        }
        if (uidl.has("syncId")) {
            syncId = uidl.get("syncId").asInt();
        }
        uidl.path("constants").fields().forEachRemaining(e -> constants.put(e.getKey(), e.getValue()));
        List<Integer> attached = new ArrayList<>();
        for (JsonNode change : uidl.path("changes")) {
            applyChange(change, attached);
        }
        for (JsonNode invocation : uidl.path("execute")) {
            answer(invocation);
        }
        for (Integer id : attached) {
            Node node = nodes.get(id);
            if (node != null && "vaadin-notification".equals(node.tag)) {
                notices.add(new Notice(node.attribute("theme").orElse(null), node.property("text").orElseGet(() -> text(node))));
            }
        }
    }

    private void applyChange(JsonNode change, List<Integer> attached) {
        int id = change.get("node").asInt();
        String type = change.path("type").asText();
        if ("detach".equals(type)) {
            nodes.remove(id);
            return;
        }
        Node node = nodes.computeIfAbsent(id, Node::new);
        if ("attach".equals(type)) {
            attached.add(id);
            return;
        }
        int feature = change.path("feat").asInt(-1);
        String key = change.path("key").asText(null);
        JsonNode value = change.has("nodeValue") ? change.get("nodeValue") : change.path("value");
        switch (type) {
            case "put" -> put(node, feature, key, value);
            case "remove" -> {
                Map<String, JsonNode> map = map(node, feature);
                if (map != null) {
                    map.remove(key);
                }
            }
            case "clear" -> {
                Map<String, JsonNode> map = map(node, feature);
                if (map != null) {
                    map.clear();
                }
                List<Integer> list = list(node, feature);
                if (list != null) {
                    list.clear();
                }
            }
            case "splice" -> {
                List<Integer> list = list(node, feature);
                if (list == null) {
                    return;
                }
                int index = change.path("index").asInt();
                int remove = change.path("remove").asInt(0);
                for (int i = 0; i < remove && index < list.size(); i++) {
                    list.remove(index);
                }
                List<Integer> added = new ArrayList<>();
                change.path("addNodes").forEach(n -> added.add(n.asInt()));
                list.addAll(Math.min(index, list.size()), added);
            }
            default -> {
                // "empty" and other change types carry nothing the driver needs
            }
        }
    }

    private void put(Node node, int feature, String key, JsonNode value) {
        switch (feature) {
            case ELEMENT_DATA -> {
                if ("tag".equals(key)) {
                    node.tag = value.asText();
                }
            }
            case TEXT_NODE -> node.text = value.asText();
            default -> {
                Map<String, JsonNode> map = map(node, feature);
                if (map != null) {
                    map.put(key, value);
                }
            }
        }
    }

    private static Map<String, JsonNode> map(Node node, int feature) {
        return switch (feature) {
            case ELEMENT_PROPERTIES -> node.properties;
            case ELEMENT_ATTRIBUTES -> node.attributes;
            case ELEMENT_LISTENERS -> node.listeners;
            default -> null;
        };
    }

    private static List<Integer> list(Node node, int feature) {
        return switch (feature) {
            case ELEMENT_CHILDREN -> node.children;
            case VIRTUAL_CHILDREN -> node.virtualChildren;
            default -> null;
        };
    }

    /**
     * The client's answers to server-side JavaScript the driver must give: a grid confirms each
     * data update so the server can release the keys of rows it no longer shows. Sent with the next message.
     */
    private void answer(JsonNode invocation) {
        if (!invocation.isArray() || invocation.isEmpty()) {
            return;
        }
        String script = invocation.get(invocation.size() - 1).asText();
        if (script.contains("setLitRenderer(")) {
            litRenderer(invocation);
            return;
        }
        if (script.contains("$connector.set(") || script.contains("$connector.clear(")) {
            gridData(invocation, script.contains("$connector.set("));
            return;
        }
        if (script.contains("$connector.updateFlatData(")) {
            updatedRows(invocation);
            return;
        }
        if (!script.contains("$connector.confirm(")) {
            return;
        }
        Integer target = null;
        Integer updateId = null;
        for (int i = 0; i < invocation.size() - 1; i++) {
            JsonNode parameter = invocation.get(i);
            if (parameter.isArray() && parameter.size() == 2 && parameter.get(0).asInt(-1) == NODE_REFERENCE) {
                target = parameter.get(1).asInt();
            } else if (parameter.isNumber() && updateId == null) {
                updateId = parameter.asInt();
            }
        }
        if (target != null && updateId != null) {
            pending.add(publishedCall(target, "confirmUpdate", updateId));
        }
    }

    /** {@code window.Vaadin.setLitRenderer(this, name, template, channel, functions, namespace, appId)}. */
    private void litRenderer(JsonNode invocation) {
        String namespace = null;
        Integer node = null;
        Integer channel = null;
        List<String> functions = new ArrayList<>();
        for (int i = 0; i < invocation.size() - 1; i++) {
            JsonNode parameter = invocation.get(i);
            if (parameter.isArray() && parameter.size() == 3 && parameter.get(0).asInt(-1) == RETURN_CHANNEL) {
                node = parameter.get(1).asInt();
                channel = parameter.get(2).asInt();
            } else if (parameter.isArray() && parameter.size() == 2 && parameter.get(0).asInt(-1) == ARRAY_VALUE) {
                parameter.get(1).forEach(f -> functions.add(f.asText()));
            } else if (parameter.isTextual() && parameter.asText().startsWith("lr_")) {
                namespace = parameter.asText();
            }
        }
        if (namespace != null && node != null) {
            litRenderers.put(namespace, new LitRendererChannel(namespace, node, channel, List.copyOf(functions)));
        }
    }

    /** The arguments of a grid connector call: the grid's node, the items array, the numbers (start, length). */
    private record GridCall(Integer grid, JsonNode items, List<Integer> numbers) {
        static GridCall of(JsonNode invocation) {
            Integer grid = null;
            JsonNode items = null;
            List<Integer> numbers = new ArrayList<>();
            for (int i = 0; i < invocation.size() - 1; i++) {
                JsonNode parameter = invocation.get(i);
                if (parameter.isArray() && parameter.size() == 2 && parameter.get(0).asInt(-1) == NODE_REFERENCE && grid == null) {
                    grid = parameter.get(1).asInt();
                } else if (parameter.isArray() && parameter.size() == 2 && parameter.get(0).asInt(-1) == ARRAY_VALUE) {
                    items = parameter.get(1);
                } else if (parameter.isNumber()) {
                    numbers.add(parameter.asInt());
                }
            }
            return new GridCall(grid, items, numbers);
        }
    }

    /** {@code $connector.set(start, items, parentKey)} and {@code $connector.clear(start, length, parentKey)} of a grid. */
    private void gridData(JsonNode invocation, boolean set) {
        GridCall call = GridCall.of(invocation);
        if (call.grid() == null || call.numbers().isEmpty()) {
            return;
        }
        java.util.TreeMap<Integer, JsonNode> rows = gridRows.computeIfAbsent(call.grid(), g -> new java.util.TreeMap<>());
        int start = call.numbers().get(0);
        if (set && call.items() != null) {
            for (int i = 0; i < call.items().size(); i++) {
                rows.put(start + i, call.items().get(i));
            }
        } else if (!set && call.numbers().size() > 1) {
            rows.subMap(start, start + call.numbers().get(1)).clear();
        }
    }

    /** {@code $connector.updateFlatData(items)}: rows the grid already holds, sent again (refreshItem); matched by key. */
    private void updatedRows(JsonNode invocation) {
        GridCall call = GridCall.of(invocation);
        java.util.TreeMap<Integer, JsonNode> rows = call.grid() == null ? null : gridRows.get(call.grid());
        if (rows == null || call.items() == null) {
            return;
        }
        for (JsonNode item : call.items()) {
            String key = item.path("key").asText(null);
            rows.entrySet().stream().filter(row -> key != null && key.equals(row.getValue().path("key").asText(null))).findFirst()
                    .ifPresent(row -> row.setValue(item));
        }
    }

    private String syncEvent(Node node, String property) {
        String token = "}" + property;
        return node.listeners.entrySet().stream()
                .filter(e -> e.getValue().has(token) || constants.getOrDefault(e.getValue().asText(), NullNode.getInstance()).has(token)).map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new VaadinProtocolException(node + " does not synchronise '" + property + "' (listeners "
                        + node.listeners + ")"));
    }

    private static ObjectNode event(int node, String event, ObjectNode data) {
        ObjectNode rpc = JsonNodeFactory.instance.objectNode();
        rpc.put("type", "event");
        rpc.put("node", node);
        rpc.put("event", event);
        rpc.set("data", data);
        return rpc;
    }

    private static ObjectNode publishedCall(int node, String method, Object... arguments) {
        ObjectNode rpc = JsonNodeFactory.instance.objectNode();
        rpc.put("type", "publishedEventHandler");
        rpc.put("node", node);
        rpc.put("templateEventMethodName", method);
        ArrayNode args = rpc.putArray("templateEventMethodArgs");
        for (Object argument : arguments) {
            args.add(JSON.valueToTree(argument));
        }
        return rpc;
    }

    private void collectText(Node node, StringBuilder out) {
        if (node.text != null) {
            out.append(node.text);
        }
        for (Integer child : node.children) {
            Node c = nodes.get(child);
            if (c != null) {
                collectText(c, out);
                if (c.tag != null) {
                    out.append(' ');
                }
            }
        }
        for (Integer child : node.virtualChildren) {
            Node c = nodes.get(child);
            if (c != null) {
                collectText(c, out);
                out.append(' ');
            }
        }
    }

    private static void expectOk(HttpResponse<String> response, String what) {
        if (response.statusCode() != 200) {
            throw new VaadinProtocolException(what + " answered HTTP " + response.statusCode() + ": " + abbreviate(response.body()));
        }
    }

    private static String stripPrefix(String body) {
        return body.startsWith(UIDL_PREFIX) ? body.substring(UIDL_PREFIX.length()) : body;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new VaadinProtocolException("not JSON: " + abbreviate(json));
        }
    }

    private static String find(Pattern pattern, String body, String what) {
        Matcher matcher = pattern.matcher(body);
        if (!matcher.find()) {
            throw new VaadinProtocolException("no " + what);
        }
        return matcher.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
