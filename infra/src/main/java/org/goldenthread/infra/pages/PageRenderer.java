package org.goldenthread.infra.pages;

import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** Renders the page templates under {@code pages/} (HTML, escaped by default). */
@Component
public class PageRenderer {

    private final TemplateEngine templates = new TemplateEngine();

    public PageRenderer() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(PageRenderer.class.getClassLoader());
        resolver.setPrefix("pages/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        templates.setTemplateResolver(resolver);
    }

    public String render(String template, Map<String, Object> variables) {
        Context context = new Context(java.util.Locale.UK);
        context.setVariables(variables);
        return templates.process(template, context);
    }
}
