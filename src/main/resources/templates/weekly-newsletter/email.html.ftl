<html><body style="font-family:'Hiragino Sans','Noto Sans JP',sans-serif;color:#222;max-width:600px;margin:auto">
<#include "header">
<p>${customer.fullName}様</p>
<p>いつもご利用ありがとうございます。${jpDate(run.date)}の便りをお届けします。</p>
<#if items?has_content>
<h2 style="font-size:16px">あなたのサイズで在庫のある商品</h2>
<table style="width:100%"><#list items?chunk(2) as row><tr><#list row as item><#include "item-card"></#list></tr></#list></table>
</#if>
<#list blocks as block>
<h3 style="font-size:15px">${block.title!''}</h3>
<#if block.body??><p>${block.body}</p></#if>
<#if block.url??><p><a href="${block.url}">続きを読む</a></p></#if>
</#list>
</body></html>
