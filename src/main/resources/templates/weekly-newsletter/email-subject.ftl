${customer.familyName}様へ　今週のおすすめ<#if items?has_content>（${items?size}点）</#if>
