package nl.steunpunt.buddy.ui.base;

import java.lang.reflect.Type;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.template.internal.DeprecatedPolymerPublishedEventHandler;

import elemental.json.JsonObject;
import elemental.json.JsonValue;

/**
 * The app has no Polymer templates, and says so. For every argument of every call from the browser (a
 * grid asking for rows, a button in a row, a new sort) Vaadin asks its lookup for this service, and when no
 * module provides one it searches the whole class path for it again, each time ({@code ServiceLoader}:
 * a tenth of the inbox's server time under load, issue #10 P5). Found by Vaadin's start-up scan of our
 * packages, it is answered at once; "not a template value" is what "no handler" meant.
 */
@SuppressWarnings("deprecation")
public class NoPolymerTemplates implements DeprecatedPolymerPublishedEventHandler {

    @Override
    public boolean isTemplateModelValue(Component instance, JsonValue argValue, Class<?> convertedType) {
        return false;
    }

    @Override
    public Object getTemplateItem(Component template, JsonObject argValue, Type convertedType) {
        throw new UnsupportedOperationException("This application has no Polymer templates");
    }
}
